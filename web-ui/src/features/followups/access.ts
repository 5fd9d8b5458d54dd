import type { FollowUp } from './types';

/**
 * The record-level half of config-repo/permissions.yml for follow-ups (the generated table carries roles only):
 * admins and managers close any follow-up; sales see only their own and those on their leads, so whatever they see
 * they may close; support read all and close only those assigned to them.
 */
export function mayClose(roles: readonly string[], meId: string | undefined, followUp: FollowUp): boolean {
  if (followUp.status !== 'OPEN') return false;
  if (roles.includes('admin') || roles.includes('manager') || roles.includes('sales')) return true;
  return followUp.assignee === meId;
}

/** Sales create follow-ups for themselves (on a customer page there is no lead of theirs to name). */
export function mayAssignOthers(roles: readonly string[]): boolean {
  return roles.some((role) => role === 'admin' || role === 'manager' || role === 'support');
}

/** The browser's IANA time zone: the server cuts "today" and "this week" in it. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
