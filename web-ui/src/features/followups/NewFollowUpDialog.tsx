import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { httpStatus, problemOf } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGetMeQuery } from '../auth/meApi';
import { CustomerPicker, type CustomerChoice } from '../customers/CustomerPicker';
import { mayAssignOthers } from './access';
import { defaultDue, toInstant } from './dueInput';
import { useCreateFollowUpMutation, useListFollowUpAssigneesQuery } from './followUpsApi';

type Field = 'customerId' | 'title' | 'dueAt' | 'assignee' | 'notes';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['customerId', 'title', 'dueAt', 'assignee', 'notes'];

interface Props {
  /** The customer to follow up; without one, the dialog asks for the customer first (My follow-ups). */
  customerId?: string;
  /** The lead the follow-up is about (the lead page's), if any. */
  leadId?: string;
  open: boolean;
  onClose: () => void;
}

function check(customerId: string | undefined, title: string, due: string, notes: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!customerId) errors.customerId = 'Choose the customer';
  if (!title.trim()) errors.title = 'Enter a title';
  else if (title.trim().length > 200) errors.title = 'At most 200 characters';
  if (!toInstant(due)) errors.dueAt = 'Enter a due date and time';
  if (notes.length > 4000) errors.notes = 'At most 4000 characters';
  return errors;
}

/**
 * The customer (unless given), title, due date and time, assignee and notes; the server's field errors land on their
 * fields.
 */
export function NewFollowUpDialog({ customerId, leadId, open, onClose }: Props) {
  const [customer, setCustomer] = useState<CustomerChoice | null>(null);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(defaultDue);
  const [assignee, setAssignee] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { data: me } = useGetMeQuery();
  // whether the caller may give the follow-up to someone else (else it is theirs)
  const assignsOthers = mayAssignOthers(me?.roles ?? []);
  const { data: assignees = [] } = useListFollowUpAssigneesQuery(undefined, { skip: !open || !assignsOthers });
  const [create, { isLoading, error, reset }] = useCreateFollowUpMutation();

  const about = customerId ?? customer?.id;

  const close = () => {
    setCustomer(null);
    setTitle('');
    setDue(defaultDue());
    setAssignee('');
    setNotes('');
    setErrors({});
    reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(about, title, due, notes);
    setErrors(found);
    if (!about || Object.keys(found).length > 0) return;
    try {
      await create({ customerId: about, leadId, title, notes, dueAt: toInstant(due) ?? '', assignee }).unwrap();
      close();
    } catch (failure) {
      const status = httpStatus(failure);
      const fieldErrors: FieldErrors = {};
      if (status === 400 || status === 422) {
        for (const { field, message } of problemOf(failure)?.errors ?? []) {
          const key = FIELDS.find((name) => name === field);
          if (key) fieldErrors[key] = message;
        }
      }
      setErrors(fieldErrors);
    }
  };

  const otherError = error && Object.keys(errors).length === 0 ? error : undefined;
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="new-follow-up-title">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="new-follow-up-title">New follow-up</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {otherError && <ErrorAlert error={otherError} />}
            {!customerId && (
              <CustomerPicker
                id="follow-up-customer"
                value={customer}
                onChange={(next) => {
                  setCustomer(next);
                  setErrors(({ customerId: _chosen, ...rest }) => rest);
                }}
                error={errors.customerId}
              />
            )}
            <TextField
              id="follow-up-title"
              label="Title"
              value={title}
              required
              autoFocus={Boolean(customerId)}
              onChange={(event) => setTitle(event.target.value)}
              error={Boolean(errors.title)}
              helperText={errors.title}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              id="follow-up-due"
              label="Due"
              type="datetime-local"
              value={due}
              required
              onChange={(event) => setDue(event.target.value)}
              error={Boolean(errors.dueAt)}
              helperText={errors.dueAt}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {assignsOthers && (
              <TextField
                id="follow-up-assignee"
                select
                label="Assignee"
                value={assignee}
                onChange={(event) => setAssignee(event.target.value)}
                error={Boolean(errors.assignee)}
                helperText={errors.assignee}
              >
                <MenuItem value="">Me</MenuItem>
                {assignees.filter((user) => user.id !== me?.id).map((user) => (
                  <MenuItem key={user.id} value={user.id}>
                    {user.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              id="follow-up-notes"
              label="Notes"
              value={notes}
              multiline
              minRows={2}
              onChange={(event) => setNotes(event.target.value)}
              error={Boolean(errors.notes)}
              helperText={errors.notes}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Close</Button>
          <Button type="submit" variant="contained" disabled={isLoading}>
            Create
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
