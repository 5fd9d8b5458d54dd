import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayAddNote } from './access';
import { NotesSection } from './NotesSection';
import type { CustomerRef } from './types';

/** The customer's notes; titled "Notes" on the customer's page, by the customer's name elsewhere (a lead's page). */
export function CustomerNotes({ customer, title = 'Notes' }: { customer: CustomerRef; title?: string }) {
  const canRead = useCan('viewNotes');
  const { data: me } = useGetMeQuery();
  if (!canRead) return null;
  return <NotesSection subject={{ kind: 'customer', id: customer.id }} title={title} canAdd={mayAddNote(me, customer)} />;
}
