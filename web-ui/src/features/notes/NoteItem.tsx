import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { NoteEditor } from './NoteEditor';
import { useDeleteNoteMutation, useUpdateNoteMutation } from './notesApi';
import { isConflict, noteProblem } from './problems';
import { SafeHtml } from './SafeHtml';
import type { Note, NoteSubject } from './types';

interface Props {
  subject: NoteSubject;
  note: Note;
  canChange: boolean;
  /** Reads the notes again: after a conflict, to edit the newer version. */
  onReload: () => void;
}

function byline(note: Note): string {
  const written = `${note.authorName} · ${formatDateTime(note.createdAt)}`;
  return note.updatedAt !== note.createdAt ? `${written} · edited ${formatDateTime(note.updatedAt)}` : written;
}

export function NoteItem({ subject, note, canChange, onReload }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [update, updating] = useUpdateNoteMutation();
  const [remove, removing] = useDeleteNoteMutation();

  const save = async (body: string) => {
    try {
      await update({ subject, id: note.id, body, version: note.version }).unwrap();
      setEditing(false);
    } catch {
      // Shown beside the editor.
    }
  };
  const confirmDelete = async () => {
    try {
      await remove({ subject, id: note.id }).unwrap();
    } catch {
      // Shown in the dialog.
    }
  };
  const conflict = updating.error && isConflict(updating.error) ? (
    <Alert
      severity="warning"
      role="alert"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            updating.reset();
            setEditing(false);
            onReload();
          }}
        >
          Reload
        </Button>
      }
    >
      Someone else changed this note meanwhile. Reload it and apply your change again.
    </Alert>
  ) : updating.error ? (
    <Alert severity="error" role="alert">
      {noteProblem(updating.error)}
    </Alert>
  ) : undefined;

  return (
    <ListItem divider sx={{ display: 'block', py: 1.5 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Typography variant="body2" color="text.secondary">
          {byline(note)}
        </Typography>
        {canChange && !editing && (
          <Stack direction="row" spacing={1}>
            <Button size="small" onClick={() => setEditing(true)} aria-label={`Edit note by ${note.authorName}`}>
              Edit
            </Button>
            <Button
              size="small"
              color="error"
              onClick={() => setConfirming(true)}
              aria-label={`Delete note by ${note.authorName}`}
            >
              Delete
            </Button>
          </Stack>
        )}
      </Stack>
      {editing ? (
        <NoteEditor
          label="Edit note"
          initialHtml={note.body}
          submitLabel="Save note"
          busy={updating.isLoading}
          problem={conflict}
          onSubmit={(body) => void save(body)}
          onCancel={() => {
            updating.reset();
            setEditing(false);
          }}
        />
      ) : (
        <SafeHtml html={note.body} />
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={`delete-note-${note.id}`}>
        <DialogTitle id={`delete-note-${note.id}`}>Delete this note?</DialogTitle>
        <DialogContent>
          <DialogContentText>The note is removed for everyone.</DialogContentText>
          {removing.error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {noteProblem(removing.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </Button>
          <Button color="error" variant="contained" onClick={() => void confirmDelete()} disabled={removing.isLoading}>
            {removing.isLoading ? 'Deleting…' : 'Delete'}
          </Button>
        </DialogActions>
      </Dialog>
    </ListItem>
  );
}
