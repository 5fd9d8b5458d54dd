import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';

export const REASON_MAX = 500;

interface Props {
  title: string;
  busy: boolean;
  /** The server's message for the reason field (a 400), if any. */
  serverError?: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why a lead was lost: lead-service requires a reason for CLOSED_LOST. Rendered only while open. */
export function LostReasonDialog({ title, busy, serverError, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) setError('Say why the lead was lost');
    else if (trimmed.length > REASON_MAX) setError(`At most ${REASON_MAX} characters`);
    else onConfirm(trimmed);
  };
  const message = error ?? serverError;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="lost-reason-title" fullWidth maxWidth="xs">
      <form noValidate onSubmit={submit}>
        <DialogTitle id="lost-reason-title">Mark “{title}” as lost</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>The reason stays with the lead and helps the team learn.</DialogContentText>
          <TextField
            id="lost-reason"
            label="Reason"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setError(undefined);
            }}
            required
            multiline
            minRows={2}
            autoFocus
            fullWidth
            error={Boolean(message)}
            helperText={message ?? ' '}
            slotProps={{ htmlInput: { maxLength: REASON_MAX + 1 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>
            {busy ? 'Saving…' : 'Mark as lost'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
