import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from '../../api/problem';
import { SOURCE_LABELS } from './labels';
import { classifySubmitError, type SubmitFailure } from './serverErrors';
import { LEAD_SOURCES, type LeadInput, type LeadSource } from './types';
import { TITLE_MAX, hasErrors, validateLead, type LeadField, type LeadFieldErrors } from './validation';

interface Props {
  initial: LeadInput;
  submitLabel: string;
  /** Resolves when saved; rejects with the API error. */
  onSubmit: (input: LeadInput) => Promise<void>;
  onCancel: () => void;
  /** Offered when the server says the lead was modified concurrently. */
  onReload?: () => void;
  /** Fields before the lead's own (the customer and assignee of a new lead), given the errors to show. */
  before?: (errors: LeadFieldErrors, clear: (field: LeadField) => void) => ReactNode;
  /** Checks the fields of `before` (an error per field); they are sent by `onSubmit`. */
  validateBefore?: () => LeadFieldErrors;
}

export function LeadForm({ initial, submitLabel, onSubmit, onCancel, onReload, before, validateBefore }: Props) {
  const [values, setValues] = useState<LeadInput>(initial);
  const [errors, setErrors] = useState<LeadFieldErrors>({});
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [saving, setSaving] = useState(false);

  const clear = (field: LeadField) => setErrors((current) => ({ ...current, [field]: undefined }));
  const change = (field: keyof LeadInput) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const clientErrors = { ...validateBefore?.(), ...validateLead(values, false) };
    setErrors(clientErrors);
    setFailure(null);
    if (hasErrors(clientErrors)) return;
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const classified = classifySubmitError(error);
      if (classified.kind === 'fields') setErrors(classified.errors);
      setFailure(classified);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof LeadInput) => ({
    id: `lead-${name}`,
    name,
    value: values[name],
    error: Boolean(errors[name]),
    helperText: errors[name] ?? ' ',
    onChange: (event: { target: { value: string } }) => change(name)(event.target.value),
    fullWidth: true,
  });

  return (
    <Paper component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2}>
        {failure?.kind === 'conflict' && (
          <Alert
            severity="warning"
            role="alert"
            action={
              onReload && (
                <Button color="inherit" onClick={onReload}>
                  Reload
                </Button>
              )
            }
          >
            Someone else changed this lead while you were editing. Reload to see their changes.
          </Alert>
        )}
        {failure?.kind === 'other' && (
          <Alert severity="error" role="alert">
            {describeError(failure.error)}
          </Alert>
        )}
        {before?.(errors, clear)}
        <TextField {...field('title')} label="Title" required slotProps={{ htmlInput: { maxLength: TITLE_MAX + 1 } }} />
        <TextField {...field('source')} select label="Source" required>
          {LEAD_SOURCES.map((source: LeadSource) => (
            <MenuItem key={source} value={source}>
              {SOURCE_LABELS[source]}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={2}>
          <TextField
            {...field('value')}
            label="Value"
            required
            slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 21 } }}
            sx={{ flexGrow: 1 }}
          />
          <TextField
            {...field('currency')}
            label="Currency"
            required
            fullWidth={false}
            slotProps={{ htmlInput: { maxLength: 3, autoCapitalize: 'characters' } }}
            sx={{ width: 120 }}
          />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
