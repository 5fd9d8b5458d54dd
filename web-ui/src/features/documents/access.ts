import { can } from '../auth/permissions';

/**
 * customer-service's record-level rule for documents (own-records in the permission table): admins and managers
 * attach and remove documents on every customer, a sales user only on the customers they own.
 */
const CHANGE_EVERY_CUSTOMERS_DOCUMENTS = ['admin', 'manager'];

export function mayChangeDocuments(
  roles: readonly string[] | undefined,
  meId: string | undefined,
  ownerId: string | null | undefined,
): { attach: boolean; remove: boolean } {
  const unlimited = (roles ?? []).some((role) => CHANGE_EVERY_CUSTOMERS_DOCUMENTS.includes(role));
  // without an owner on the record (customers from before owners existed) the server decides; offer it
  const owns = unlimited || ownerId === undefined || (meId !== undefined && ownerId === meId);
  return { attach: can(roles, 'attachDocuments') && owns, remove: can(roles, 'removeDocuments') && owns };
}
