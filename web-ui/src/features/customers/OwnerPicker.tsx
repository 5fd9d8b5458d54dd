import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useListOwnersQuery, useSetCustomerOwnerMutation } from './customersApi';
import type { Customer } from './types';

/** Managers and admins give a customer to another active user; the change is saved at once. */
export function OwnerPicker({ customer }: { customer: Customer }) {
  const { data: owners = [], isLoading } = useListOwnersQuery();
  const [setOwner, { isLoading: saving, error, reset }] = useSetCustomerOwnerMutation();
  const current = customer.ownerId ?? '';
  const known = owners.some((user) => user.id === current);
  return (
    <Stack spacing={1} component="span" sx={{ display: 'flex' }}>
      <TextField
        id="customer-owner-picker"
        select
        size="small"
        label="Owner"
        value={isLoading ? '' : current}
        disabled={isLoading || saving}
        onChange={(event) => {
          reset();
          if (event.target.value) {
            void setOwner({ id: customer.id, owner: event.target.value }).unwrap().catch(() => undefined);
          }
        }}
        sx={{ minWidth: 220, maxWidth: 320 }}
      >
        {!current && (
          <MenuItem value="" disabled>
            No owner
          </MenuItem>
        )}
        {current && !known && !isLoading && <MenuItem value={current}>{customer.ownerName ?? 'Current owner'}</MenuItem>}
        {owners.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.name || user.username}
          </MenuItem>
        ))}
      </TextField>
      {error ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}
