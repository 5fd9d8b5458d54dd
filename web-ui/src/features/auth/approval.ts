/** The realm roles that open the CRM; a signed-in user holding none of them waits for an admin's approval. */
export const CRM_ROLES = ['admin', 'manager', 'sales', 'support'] as const;

export function isAwaitingApproval(roles: readonly string[]): boolean {
  return !roles.some((role) => (CRM_ROLES as readonly string[]).includes(role));
}
