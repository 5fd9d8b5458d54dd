import type { Role } from './types';

/** What each role may do; mirrors the services' endpoint rules so the UI offers only what works. */
const CAN: Record<
  'viewCustomers' | 'writeCustomers' | 'deleteCustomers' | 'viewActivities' | 'manageUsers',
  readonly Role[]
> = {
  viewCustomers: ['admin', 'manager', 'sales', 'support'],
  writeCustomers: ['admin', 'manager', 'sales'],
  deleteCustomers: ['admin', 'manager'],
  viewActivities: ['admin', 'manager', 'sales', 'support'],
  manageUsers: ['admin'],
};

export type Permission = keyof typeof CAN;

export function can(roles: readonly string[] | undefined, permission: Permission): boolean {
  return (roles ?? []).some((role) => (CAN[permission] as readonly string[]).includes(role));
}

const ROLE_LABELS: Record<string, string> = {
  admin: 'Admin',
  manager: 'Manager',
  sales: 'Sales',
  support: 'Support',
};

export function roleLabel(roles: readonly string[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join(', ') || 'No role';
}
