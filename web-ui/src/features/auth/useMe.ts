import { useGetMeQuery } from './meApi';
import { can, type Permission } from './permissions';

/** The signed-in user (already loaded by the shell before any page renders). */
export function useCan(permission: Permission): boolean {
  const { data } = useGetMeQuery();
  return can(data?.roles, permission);
}
