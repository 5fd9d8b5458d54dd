import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useListAssigneesQuery, useSetLeadAssigneeMutation } from './leadsApi';
import type { Lead } from './types';

/** Managers and admins hand a lead to an active sales user; the change is saved at once. */
export function AssigneePicker({ lead }: { lead: Lead }) {
  const { data: assignees = [], isLoading } = useListAssigneesQuery();
  const [assign, { isLoading: saving, error, reset }] = useSetLeadAssigneeMutation();
  const current = lead.assignedTo ?? '';
  const known = assignees.some((user) => user.id === current);
  return (
    <Stack spacing={1}>
      <TextField
        id="lead-assignee-picker"
        select
        size="small"
        label="Assignee"
        value={isLoading ? '' : current}
        disabled={isLoading || saving}
        onChange={(event) => {
          reset();
          if (event.target.value) void assign({ id: lead.id, assignee: event.target.value }).unwrap().catch(() => undefined);
        }}
        sx={{ minWidth: 220 }}
      >
        {!current && (
          <MenuItem value="" disabled>
            Unassigned
          </MenuItem>
        )}
        {current && !known && !isLoading && <MenuItem value={current}>{lead.assigneeName ?? 'Current assignee'}</MenuItem>}
        {assignees.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.name || user.username}
          </MenuItem>
        ))}
      </TextField>
      {error ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}
