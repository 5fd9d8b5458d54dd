import type { Me } from '../auth/types';
import { can } from '../auth/permissions';
import type { CustomerRef, Note } from './types';

/**
 * customer-service's record-level rules (own-records in the permission table): sales users add notes to the customers
 * they own and change the notes they wrote; managers and admins change any note. The roles listed here are the ones
 * the table does not limit to their own records.
 */
const ANY_CUSTOMER = ['admin', 'manager'];

function unlimited(me: Me | undefined, roles: readonly string[]): boolean {
  return (me?.roles ?? []).some((role) => roles.includes(role));
}

export function mayAddNote(me: Me | undefined, customer: CustomerRef): boolean {
  if (!me || !can(me.roles, 'addNotes')) return false;
  return unlimited(me, ANY_CUSTOMER) || (!!customer.ownerId && customer.ownerId === me.id);
}

export function mayChangeNote(me: Me | undefined, note: Note): boolean {
  if (!me || !can(me.roles, 'changeNotes')) return false;
  return unlimited(me, ANY_CUSTOMER) || note.authorId === me.id;
}
