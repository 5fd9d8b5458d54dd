import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { searchable, shortSearchHint } from '../../lib/search';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useListCustomersInfiniteQuery } from './customersApi';

export interface CustomerChoice {
  id: string;
  name: string;
  email?: string;
}

interface Props {
  /** The search field's id, and the chosen customer's once there is one. */
  id: string;
  value: CustomerChoice | null;
  onChange: (value: CustomerChoice | null) => void;
  error?: string;
}

const SHOWN = 8;

/**
 * Finds the customer by name or email with the customers API's search and shows the first matches as buttons. (An
 * MUI Autocomplete cost 18 kB of compressed JavaScript, over the first-visit budget, for the same choice.)
 */
export function CustomerPicker({ id, value, onChange, error }: Props) {
  const [input, setInput] = useState('');
  const q = searchable(useDebouncedValue(input));
  const { data, isFetching } = useListCustomersInfiniteQuery({ q, sort: 'name' }, { skip: !q || Boolean(value) });
  const matches = (q && data?.pages[0]?.items.slice(0, SHOWN)) || [];

  if (value) {
    return (
      <Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography id={id} sx={{ flexGrow: 1, wordBreak: 'break-word' }}>
            <Typography component="span" color="text.secondary">
              Customer:{' '}
            </Typography>
            {value.name}
          </Typography>
          <Button onClick={() => onChange(null)} aria-label={`Change customer ${value.name}`}>
            Change
          </Button>
        </Stack>
        {error && <FormHelperText error>{error}</FormHelperText>}
      </Stack>
    );
  }
  return (
    <Stack spacing={1}>
      <TextField
        id={id}
        type="search"
        label="Customer"
        placeholder="Type a name or email"
        required
        value={input}
        onChange={(event) => setInput(event.target.value)}
        error={Boolean(error)}
        helperText={error ?? shortSearchHint(input) ?? (q && !isFetching && matches.length === 0 ? 'No customer matches' : ' ')}
        fullWidth
      />
      {matches.length > 0 && (
        <Paper variant="outlined">
          <List dense aria-label="Matching customers" sx={{ py: 0 }}>
            {matches.map((customer) => (
              <ListItemButton key={customer.id} onClick={() => onChange(customer)}>
                <ListItemText primary={customer.name} secondary={customer.email} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
      {isFetching && <FormHelperText>Searching…</FormHelperText>}
    </Stack>
  );
}
