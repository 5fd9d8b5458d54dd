import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useCan } from '../auth/useMe';
import { useListOwnersQuery } from './customersApi';
import type { CustomerSort } from './types';

interface Props {
  search: string;
  /** Why the search is not searched yet (too short). */
  searchHint?: string;
  onSearchChange: (value: string) => void;
  tag: string;
  onTagChange: (value: string) => void;
  owner: string;
  onOwnerChange: (value: string) => void;
  sort: CustomerSort;
  onSortChange: (value: CustomerSort) => void;
}

export function CustomerListToolbar(props: Props) {
  const { search, searchHint, onSearchChange, tag, onTagChange, owner, onOwnerChange, sort, onSortChange } = props;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextField
        label="Search customers"
        type="search"
        placeholder="Name, email, phone or company"
        value={search}
        onChange={(event) => onSearchChange(event.target.value)}
        helperText={searchHint}
        size="small"
        sx={{ flexGrow: 1 }}
      />
      <TextField
        label="Tag"
        type="search"
        value={tag}
        onChange={(event) => onTagChange(event.target.value)}
        size="small"
        slotProps={{ htmlInput: { maxLength: 40 } }}
        sx={{ minWidth: 140 }}
      />
      <OwnerFilter owner={owner} onOwnerChange={onOwnerChange} />
      <TextField
        select
        label="Sort by"
        value={sort}
        onChange={(event) => onSortChange(event.target.value as CustomerSort)}
        size="small"
        sx={{ minWidth: 160 }}
      >
        <MenuItem value="created">Newest first</MenuItem>
        <MenuItem value="name">Name</MenuItem>
      </TextField>
    </Stack>
  );
}

/** Anyone's, the caller's ("My customers"), or one user's customers (the users who may own customers). */
function OwnerFilter({ owner, onOwnerChange }: { owner: string; onOwnerChange: (value: string) => void }) {
  const canListOwners = useCan('viewCustomerOwners');
  const { data: owners = [] } = useListOwnersQuery(undefined, { skip: !canListOwners });
  const known = owner === '' || owner === 'me' || owners.some((user) => user.id === owner);
  return (
    <TextField
      id="customer-owner-filter"
      select
      label="Owner"
      value={owner}
      onChange={(event) => onOwnerChange(event.target.value)}
      // "Anyone" shows as itself, not as a blank box
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      size="small"
      sx={{ minWidth: 180 }}
    >
      <MenuItem value="">Anyone</MenuItem>
      <MenuItem value="me">My customers</MenuItem>
      {!known && <MenuItem value={owner}>Selected owner</MenuItem>}
      {owners.map((user) => (
        <MenuItem key={user.id} value={user.id}>
          {user.name || user.username}
        </MenuItem>
      ))}
    </TextField>
  );
}
