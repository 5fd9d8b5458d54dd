import type { Me } from '../auth/types';
import { can } from '../auth/permissions';
import type { CustomerRef, Note, NoteSubject } from './types';

/**
 * The services' record-level rules (own-records in the permission table): sales users add notes to the customers
 * they own and to the leads assigned to them (the only leads they reach), and change the notes they wrote; managers
 * and admins change any note. The roles listed here are the ones the table does not limit to their own records.
 */
const ANY_RECORD = ['admin', 'manager'];

function unlimited(me: Me | undefined, roles: readonly string[]): boolean {
  return (me?.roles ?? []).some((role) => roles.includes(role));
}

export function mayAddNote(me: Me | undefined, customer: CustomerRef): boolean {
  if (!me || !can(me.roles, 'addNotes')) return false;
  return unlimited(me, ANY_RECORD) || (!!customer.ownerId && customer.ownerId === me.id);
}

/** On a lead the caller sees: a sales user sees only the leads assigned to them. */
export function mayAddLeadNote(me: Me | undefined): boolean {
  return !!me && can(me.roles, 'addLeadNotes');
}

export function mayChangeNote(me: Me | undefined, note: Note, subject: NoteSubject['kind'] = 'customer'): boolean {
  if (!me || !can(me.roles, subject === 'customer' ? 'changeNotes' : 'changeLeadNotes')) return false;
  return unlimited(me, ANY_RECORD) || note.authorId === me.id;
}
