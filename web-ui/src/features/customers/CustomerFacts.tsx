import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { EmailText } from '../../components/EmailText';
import { formatDateTime } from '../../lib/format';
import type { Customer } from './types';

/** The customer's fields; {@code owner} replaces the owner's name (a picker for those who may reassign). */
export function CustomerFacts({ customer, owner }: { customer: Customer; owner?: ReactNode }) {
  const facts: [string, ReactNode][] = [
    ['Email', <EmailText key="email" email={customer.email} />],
    ['Phone', customer.phone || '—'],
    ['Company', customer.company || '—'],
    [
      'Tags',
      customer.tags.length === 0 ? (
        '—'
      ) : (
        <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {customer.tags.map((tag) => (
            <Chip key={tag} label={tag} size="small" component="span" />
          ))}
        </Stack>
      ),
    ],
    ['Owner', owner ?? (customer.ownerName || 'No owner')],
    ['Created', formatDateTime(customer.createdAt)],
    ['Updated', formatDateTime(customer.updatedAt)],
  ];
  return (
    <Paper sx={{ p: 2 }}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
        {facts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
