import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState, type ReactNode } from 'react';
import { LazyRichTextEditor } from './LazyRichTextEditor';

interface Props {
  label: string;
  initialHtml?: string;
  submitLabel: string;
  busy: boolean;
  /** Shown above the buttons: a failure to save, a conflict. */
  problem?: ReactNode;
  onSubmit: (html: string) => void;
  onCancel?: () => void;
}

/** A rich-text field with its buttons; saving is offered once there is text. */
export function NoteEditor({ label, initialHtml = '', submitLabel, busy, problem, onSubmit, onCancel }: Props) {
  const [html, setHtml] = useState(initialHtml);
  const [touched, setTouched] = useState(false);
  const empty = html.trim() === '';
  return (
    <Stack spacing={1}>
      <LazyRichTextEditor label={label} initialHtml={initialHtml} onChange={setHtml} disabled={busy} />
      {touched && empty && (
        <Alert severity="warning" role="alert">
          Write something first.
        </Alert>
      )}
      {problem}
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => {
            setTouched(true);
            if (!empty) onSubmit(html);
          }}
        >
          {busy ? 'Saving…' : submitLabel}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
