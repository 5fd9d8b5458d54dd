import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayAddNote } from './access';
import { NotesSection } from './NotesSection';
import type { CustomerRef } from './types';

/**
 * The customer's notes; titled "Notes" on the customer's page, by the customer's `name` elsewhere (a lead's page, beside
 * the lead's own notes: its editor says whose note it adds).
 */
export function CustomerNotes({ customer, name }: { customer: CustomerRef; name?: string }) {
  const canRead = useCan('viewNotes');
  const { data: me } = useGetMeQuery();
  if (!canRead) return null;
  return (
    <NotesSection
      subject={{ kind: 'customer', id: customer.id }}
      title={name ? `Notes on ${name}` : 'Notes'}
      canAdd={mayAddNote(me, customer)}
      editorLabel={name ? `New note on ${name}` : 'New note'}
    />
  );
}
