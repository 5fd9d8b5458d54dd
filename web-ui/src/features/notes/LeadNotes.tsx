import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayAddLeadNote } from './access';
import { NotesSection } from './NotesSection';

/** The lead's own notes, on its page. */
export function LeadNotes({ leadId }: { leadId: string }) {
  const canRead = useCan('viewLeadNotes');
  const { data: me } = useGetMeQuery();
  if (!canRead) return null;
  return (
    <NotesSection subject={{ kind: 'lead', id: leadId }} title="Notes" canAdd={mayAddLeadNote(me)} editorLabel="New note on this lead" />
  );
}
