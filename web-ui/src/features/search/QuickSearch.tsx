import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { skipToken } from '@reduxjs/toolkit/query';
import { useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../lib/format';
import { searchable, shortSearchHint } from '../../lib/search';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useCan } from '../auth/useMe';
import { STATUS_LABELS } from '../leads/labels';
import { useQuickSearchCustomersQuery, useQuickSearchLeadsQuery } from './searchApi';

interface Hit {
  to: string;
  primary: string;
  secondary: string;
}

function statusText(text: string, term: string, waiting: boolean, found: number): string {
  if (!term) return shortSearchHint(text) ?? 'Type a name, an email, a company or a lead’s title.';
  if (waiting) return 'Searching…';
  return found === 0 ? `Nothing matches “${term}”.` : `${found} found`;
}

/**
 * One search over customers and leads, from any page: the newest matches of each, as far as the user may see them.
 * Arrow keys choose, Enter opens, Escape closes.
 */
export default function QuickSearch({ onClose }: { onClose: () => void }) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const navigate = useNavigate();
  const mayViewCustomers = useCan('viewCustomers');
  const mayViewLeads = useCan('viewLeads');
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const term = searchable(useDebouncedValue(text));
  const customers = useQuickSearchCustomersQuery(term && mayViewCustomers ? term : skipToken);
  const leads = useQuickSearchLeadsQuery(term && mayViewLeads ? term : skipToken);
  const listId = useId();

  const groups: [string, Hit[]][] = [
    [
      'Customers',
      (customers.data?.items ?? []).map((customer) => ({
        to: `/customers/${customer.id}`,
        primary: customer.name,
        secondary: [customer.company, customer.email].filter(Boolean).join(' · '),
      })),
    ],
    [
      'Leads',
      (leads.data?.items ?? []).map((lead) => ({
        to: `/leads/${lead.id}`,
        primary: lead.title,
        secondary: [lead.customerName, STATUS_LABELS[lead.status], formatMoney(lead.value, lead.currency)]
          .filter(Boolean)
          .join(' · '),
      })),
    ],
  ];
  const hits = groups.flatMap(([, groupHits]) => groupHits);
  const chosen = Math.min(active, Math.max(hits.length - 1, 0));
  const waiting = customers.isFetching || leads.isFetching || term !== searchable(text);

  function go(hit: Hit) {
    onClose();
    void navigate(hit.to);
  }
  function onKeyDown(event: KeyboardEvent) {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && hits.length > 0) {
      event.preventDefault();
      setActive((chosen + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter' && hits[chosen]) {
      event.preventDefault();
      go(hits[chosen]);
    }
  }

  return (
    <Dialog
      // shown while mounted: each opening starts afresh
      open
      onClose={onClose}
      fullScreen={phone}
      fullWidth
      maxWidth="sm"
      slotProps={{ paper: { 'aria-label': 'Quick search' } }}
    >
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          label="Search customers and leads"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          slotProps={{
            htmlInput: {
              role: 'combobox',
              maxLength: 100,
              'aria-autocomplete': 'list',
              'aria-expanded': hits.length > 0,
              'aria-controls': listId,
              'aria-activedescendant': hits.length > 0 ? `${listId}-${chosen}` : undefined,
            },
          }}
        />
        {customers.error && <ErrorAlert error={customers.error} />}
        {leads.error && <ErrorAlert error={leads.error} />}
        <Box id={listId} role="listbox" aria-label="Results" sx={{ mt: 1 }}>
          {groups.map(([title, groupHits]) =>
            groupHits.length === 0 ? null : (
              <Box key={title} role="group" aria-label={title}>
                <Typography variant="overline" component="div" color="text.secondary" aria-hidden>
                  {title}
                </Typography>
                {groupHits.map((hit) => {
                  const index = hits.indexOf(hit);
                  return (
                    <ListItemButton
                      key={hit.to}
                      id={`${listId}-${index}`}
                      role="option"
                      aria-selected={index === chosen}
                      selected={index === chosen}
                      onClick={() => go(hit)}
                      onMouseMove={() => setActive(index)}
                    >
                      <ListItemText primary={hit.primary} secondary={hit.secondary} />
                    </ListItemButton>
                  );
                })}
              </Box>
            ),
          )}
        </Box>
        <Typography role="status" color="text.secondary" variant="body2" sx={{ mt: 1 }}>
          {statusText(text, term, waiting, hits.length)}
        </Typography>
      </DialogContent>
      {/* on a phone the search fills the screen: no Escape key, no backdrop to tap */}
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
