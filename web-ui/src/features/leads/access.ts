/**
 * lead-service's record-level rule (it is not in the permission table): admins and managers see every lead, support
 * reads every lead, a sales user only the leads assigned to them.
 */
const SEE_EVERY_LEAD = ['admin', 'manager', 'support'];

export function ownLeadsOnly(roles: readonly string[] | undefined): boolean {
  return !(roles ?? []).some((role) => SEE_EVERY_LEAD.includes(role));
}
