import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { describeError, httpStatus, problemOf } from '../../api/problem';
import { LazyRichTextEditor } from '../notes/LazyRichTextEditor';
import { useLogCommunicationMutation } from './communicationsApi';
import { DIRECTION_LABELS, TYPE_LABELS } from './labels';
import { COMMUNICATION_TYPES, DIRECTIONS } from './types';
import {
  localNow,
  MAX_DURATION,
  serverErrors,
  toRequest,
  validateDraft,
  type CommunicationDraft,
  type DraftErrors,
} from './validation';

const emptyDraft = (): CommunicationDraft => ({
  type: 'CALL',
  direction: 'OUTBOUND',
  subject: '',
  body: '',
  occurredAt: localNow(),
  participants: '',
  durationMinutes: '',
});

interface Props {
  customerId: string;
  onDone: () => void;
}

/** Logs a call, email, meeting or message; checked here as the server checks it, the server's word shown per field. */
export function CommunicationForm({ customerId, onDone }: Props) {
  const [initial] = useState(emptyDraft);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [log, { isLoading, error, reset }] = useLogCommunicationMutation();
  const set = <K extends keyof CommunicationDraft>(key: K, value: CommunicationDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async () => {
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    reset();
    try {
      const entry = toRequest(draft);
      // "When" left at the minute the form opened: it is happening now, to the second, as the timeline orders it
      if (draft.occurredAt === initial.occurredAt) entry.occurredAt = new Date().toISOString();
      await log({ customerId, entry }).unwrap();
      onDone();
    } catch (failure) {
      const status = httpStatus(failure);
      if (status === 400 || status === 422) setErrors(serverErrors(problemOf(failure)?.errors));
    }
  };
  const fieldProps = (key: keyof CommunicationDraft) => ({
    id: `communication-${key}`,
    error: !!errors[key],
    helperText: errors[key],
  });
  const unplaced = error && !Object.values(errors).some(Boolean);

  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      aria-label="Log a communication"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          label="Type"
          value={draft.type}
          onChange={(event) => set('type', event.target.value as CommunicationDraft['type'])}
          {...fieldProps('type')}
          sx={{ minWidth: 160 }}
        >
          {COMMUNICATION_TYPES.map((type) => (
            <MenuItem key={type} value={type}>
              {TYPE_LABELS[type]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Direction"
          value={draft.direction}
          onChange={(event) => set('direction', event.target.value as CommunicationDraft['direction'])}
          {...fieldProps('direction')}
          sx={{ minWidth: 160 }}
        >
          {DIRECTIONS.map((direction) => (
            <MenuItem key={direction} value={direction}>
              {DIRECTION_LABELS[direction]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="When"
          type="datetime-local"
          value={draft.occurredAt}
          onChange={(event) => set('occurredAt', event.target.value)}
          {...fieldProps('occurredAt')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: localNow() } }}
        />
      </Stack>
      <TextField
        label="Subject"
        value={draft.subject}
        onChange={(event) => set('subject', event.target.value)}
        required
        fullWidth
        {...fieldProps('subject')}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Participants"
          value={draft.participants}
          onChange={(event) => set('participants', event.target.value)}
          fullWidth
          {...fieldProps('participants')}
          helperText={errors.participants ?? 'Names or emails, separated by commas'}
        />
        <TextField
          label="Duration (minutes)"
          type="number"
          value={draft.durationMinutes}
          onChange={(event) => set('durationMinutes', event.target.value)}
          {...fieldProps('durationMinutes')}
          slotProps={{ htmlInput: { min: 0, max: MAX_DURATION, step: 1, inputMode: 'numeric' } }}
          sx={{ minWidth: 180 }}
        />
      </Stack>
      <LazyRichTextEditor label="Details" onChange={(html) => set('body', html)} disabled={isLoading} />
      {errors.body && (
        <Alert severity="error" role="alert">
          The details {errors.body}.
        </Alert>
      )}
      {unplaced && (
        <Alert severity="error" role="alert">
          {describeError(error)}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? 'Saving…' : 'Log it'}
        </Button>
        <Button onClick={onDone} disabled={isLoading}>
          Cancel
        </Button>
      </Stack>
    </Stack>
  );
}
