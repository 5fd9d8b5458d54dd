import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayAddNote, mayChangeNote } from './access';
import { NoteEditor } from './NoteEditor';
import { NoteItem } from './NoteItem';
import { useAddNoteMutation, useListNotesInfiniteQuery } from './notesApi';
import { noteProblem } from './problems';
import type { CustomerRef } from './types';

/**
 * The customer's notes, newest first, with a rich-text editor for those who may add one; titled "Notes" on the
 * customer's page, by the customer's name elsewhere (a lead's page).
 */
export function CustomerNotes({ customer, title = 'Notes' }: { customer: CustomerRef; title?: string }) {
  const canRead = useCan('viewNotes');
  const { data: me } = useGetMeQuery();
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } =
    useListNotesInfiniteQuery(customer.id, { skip: !canRead });
  const [addNote, adding] = useAddNoteMutation();
  // a new editor after each note added: TipTap keeps its own document
  const [editorKey, setEditorKey] = useState(0);
  if (!canRead) return null;

  const notes = data?.pages.flatMap((page) => page.items) ?? [];
  const add = async (body: string) => {
    try {
      await addNote({ customerId: customer.id, body }).unwrap();
      setEditorKey((key) => key + 1);
    } catch {
      // Shown beside the editor.
    }
  };

  return (
    <Section title={title}>
      {mayAddNote(me, customer) && (
        <NoteEditor
          key={editorKey}
          label="New note"
          submitLabel="Add note"
          busy={adding.isLoading}
          problem={
            adding.error && (
              <Alert severity="error" role="alert">
                {noteProblem(adding.error)}
              </Alert>
            )
          }
          onSubmit={(body) => void add(body)}
        />
      )}
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading notes" />}
      {!isLoading && !error && notes.length === 0 && <Typography color="text.secondary">No notes yet.</Typography>}
      {notes.length > 0 && (
        <Paper>
          <List aria-label="Notes">
            {notes.map((note) => (
              <NoteItem key={note.id} note={note} canChange={mayChangeNote(me, note)} onReload={() => void refetch()} />
            ))}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="Older notes"
      />
    </Section>
  );
}
