import Button, { type ButtonProps } from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  titleId: string;
  title: string;
  /** Said above the fields, before any error. */
  intro?: ReactNode;
  /** The mutation's error: shown above the fields when no field took it. */
  error: unknown;
  fieldErrors: Record<string, string | undefined>;
  submitLabel: string;
  pendingLabel: string;
  submitColor?: ButtonProps['color'];
  pending: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** The frame both money dialogs share: title, the error no field took, the fields, Close and the submit button. */
export function IdempotentFormDialog({
  titleId,
  title,
  intro,
  error,
  fieldErrors,
  submitLabel,
  pendingLabel,
  submitColor,
  pending,
  onSubmit,
  onClose,
  children,
}: Props) {
  const errorNoFieldTook = Boolean(error) && Object.keys(fieldErrors).length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {intro}
            {errorNoFieldTook && <ErrorAlert error={error} />}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" variant="contained" color={submitColor} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
