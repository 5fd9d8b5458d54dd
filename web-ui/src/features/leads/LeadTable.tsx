import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { memo } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format';
import { SOURCE_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels';
import type { Lead, LeadSort } from './types';

interface Props {
  leads: readonly Lead[];
  sort: LeadSort;
  onSortChange: (sort: LeadSort) => void;
  loading: boolean;
  showAssignee: boolean;
}

/** Wide screens: the loaded pages in a table; the server sorts (keyset), biggest or newest first. */
export function LeadTable({ leads, sort, onSortChange, loading, showAssignee }: Props) {
  const sortable = (key: LeadSort, label: string) => (
    <TableCell sortDirection={sort === key ? 'desc' : false} align={key === 'created' ? 'left' : 'right'}>
      <TableSortLabel active={sort === key} direction="desc" onClick={() => onSortChange(key)}>
        {label}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <TableContainer component={Paper}>
      <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label="Loading leads" />}</Box>
      <Table aria-label="Leads" aria-busy={loading} size="small">
        <TableHead>
          <TableRow>
            <TableCell>Title</TableCell>
            <TableCell>Customer</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Source</TableCell>
            {sortable('value', 'Value')}
            {showAssignee && <TableCell>Assignee</TableCell>}
            {sortable('score', 'Score')}
            {sortable('created', 'Created')}
          </TableRow>
        </TableHead>
        <TableBody>
          {leads.map((lead) => (
            <LeadRow key={lead.id} lead={lead} showAssignee={showAssignee} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const LeadRow = memo(function LeadRow({ lead, showAssignee }: { lead: Lead; showAssignee: boolean }) {
  return (
    <TableRow hover data-id={lead.id}>
      <TableCell>
        <Link component={RouterLink} to={`/leads/${lead.id}`}>
          {lead.title}
        </Link>
      </TableCell>
      <TableCell>
        <Link component={RouterLink} to={`/customers/${lead.customerId}`} color="inherit">
          {lead.customerName ?? 'Customer'}
        </Link>
      </TableCell>
      <TableCell>
        <Chip size="small" label={STATUS_LABELS[lead.status]} color={STATUS_COLORS[lead.status]} variant="outlined" />
      </TableCell>
      <TableCell>{SOURCE_LABELS[lead.source] ?? lead.source}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatMoney(lead.value, lead.currency)}
      </TableCell>
      {showAssignee && <TableCell>{lead.assigneeName ?? 'Unassigned'}</TableCell>}
      <TableCell align="right">{lead.score ?? '—'}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(lead.createdAt)}</TableCell>
    </TableRow>
  );
});
