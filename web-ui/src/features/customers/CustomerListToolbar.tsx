import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { CustomerSort } from './types';

interface Props {
  search: string;
  onSearchChange: (value: string) => void;
  sort: CustomerSort;
  onSortChange: (value: CustomerSort) => void;
}

export function CustomerListToolbar({ search, onSearchChange, sort, onSortChange }: Props) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <TextField
        label="Search customers"
        type="search"
        placeholder="Name or email"
        value={search}
        onChange={(event) => onSearchChange(event.target.value)}
        size="small"
        sx={{ flexGrow: 1 }}
      />
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
