import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../lib/format';
import type { Customer } from './types';

export function CustomerFacts({ customer }: { customer: Customer }) {
  const facts: [string, string][] = [
    ['Email', customer.email],
    ['Phone', customer.phone || '—'],
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
