import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, formatMoney } from '../../lib/format';
import { SOURCE_LABELS } from './labels';
import type { Lead } from './types';

export function LeadFacts({ lead, assignee }: { lead: Lead; assignee: ReactNode }) {
  const facts: [string, ReactNode][] = [
    [
      'Customer',
      <Link key="customer" component={RouterLink} to={`/customers/${lead.customerId}`}>
        {lead.customerName ?? 'Customer'}
      </Link>,
    ],
    ...(lead.lostReason ? [['Lost because', lead.lostReason] as [string, ReactNode]] : []),
    ['Value', formatMoney(lead.value, lead.currency)],
    ['Source', SOURCE_LABELS[lead.source] ?? lead.source],
    ['Assignee', assignee],
    ['Created', formatDateTime(lead.createdAt)],
    ['Updated', formatDateTime(lead.updatedAt)],
    ...(lead.closedAt ? [['Closed', formatDateTime(lead.closedAt)] as [string, ReactNode]] : []),
  ];
  return (
    <Paper sx={{ p: 2 }}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0, alignItems: 'center' }}>
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
