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
import { mayChangeNote } from './access';
import { NoteEditor } from './NoteEditor';
import { NoteItem } from './NoteItem';
import { useAddNoteMutation, useListNotesInfiniteQuery } from './notesApi';
import { noteProblem } from './problems';
import type { NoteSubject } from './types';

interface Props {
  subject: NoteSubject;
  /** The section's heading, and its list's name. */
  title: string;
  canAdd: boolean;
  /** The editor's name: a page with two note sections names whose note each adds. */
  editorLabel?: string;
}

/** A customer's or a lead's notes, newest first, with a rich-text editor for those who may add one. */
export function NotesSection({ subject, title, canAdd, editorLabel = 'New note' }: Props) {
  const { data: me } = useGetMeQuery();
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } =
    useListNotesInfiniteQuery(subject);
  const [addNote, adding] = useAddNoteMutation();
  // a new editor after each note added: TipTap keeps its own document
  const [editorKey, setEditorKey] = useState(0);

  const notes = data?.pages.flatMap((page) => page.items) ?? [];
  const add = async (body: string) => {
    try {
      await addNote({ subject, body }).unwrap();
      setEditorKey((key) => key + 1);
    } catch {
      // Shown beside the editor.
    }
  };

  return (
    <Section title={title}>
      {canAdd && (
        <NoteEditor
          key={editorKey}
          label={editorLabel}
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
          <List aria-label={title}>
            {notes.map((note) => (
              <NoteItem
                key={note.id}
                subject={subject}
                note={note}
                canChange={mayChangeNote(me, note, subject.kind)}
                onReload={() => void refetch()}
              />
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
