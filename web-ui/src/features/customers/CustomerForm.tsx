import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problem';
import { classifySubmitError, type SubmitFailure } from './serverErrors';
import type { CustomerInput } from './types';
import { TagsField } from './TagsField';
import {
  COMPANY_MAX,
  EMAIL_MAX,
  NAME_MAX,
  PHONE_MAX,
  hasErrors,
  validateCustomer,
  type CustomerFieldErrors,
} from './validation';

interface Props {
  initial: CustomerInput;
  submitLabel: string;
  /** Resolves when saved; rejects with the API error. */
  onSubmit: (input: CustomerInput) => Promise<void>;
  onCancel: () => void;
  /** Offered when the server says the customer was modified concurrently. */
  onReload?: () => void;
}

export function CustomerForm({ initial, submitLabel, onSubmit, onCancel, onReload }: Props) {
  const [values, setValues] = useState<CustomerInput>(initial);
  const [errors, setErrors] = useState<CustomerFieldErrors>({});
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: keyof CustomerInput) => (value: string | string[]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const clientErrors = validateCustomer(values);
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
            Someone else changed this customer while you were editing. Reload to see their changes.
          </Alert>
        )}
        {failure?.kind === 'other' && (
          <Alert severity="error" role="alert">
            {describeError(failure.error)}
          </Alert>
        )}
        <Field label="Name" name="name" value={values.name} error={errors.name} maxLength={NAME_MAX} required onChange={change('name')} autoFocus />
        <Field label="Email" name="email" type="email" value={values.email} error={errors.email} maxLength={EMAIL_MAX} required onChange={change('email')} />
        <Field label="Phone" name="phone" type="tel" value={values.phone} error={errors.phone} maxLength={PHONE_MAX} onChange={change('phone')} />
        <Field label="Company" name="company" value={values.company} error={errors.company} maxLength={COMPANY_MAX} onChange={change('company')} />
        <TagsField value={values.tags} error={errors.tags} onChange={change('tags')} />
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

interface FieldProps {
  label: string;
  name: Exclude<keyof CustomerInput, 'tags'>;
  value: string;
  error: string | undefined;
  maxLength: number;
  onChange: (value: string) => void;
  type?: string;
  required?: boolean;
  autoFocus?: boolean;
}

function Field({ label, name, value, error, maxLength, onChange, type = 'text', required, autoFocus }: FieldProps) {
  return (
    <TextField
      id={`customer-${name}`}
      name={name}
      label={label}
      type={type}
      value={value}
      required={required}
      autoFocus={autoFocus}
      error={Boolean(error)}
      helperText={error ?? ' '}
      onChange={(event) => onChange(event.target.value)}
      // One character over the limit is allowed so the message explains, rather than typing silently stopping.
      slotProps={{ htmlInput: { maxLength: maxLength + 1 } }}
      fullWidth
    />
  );
}
