import Box from '@mui/material/Box';
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
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { memo } from 'react';
import { Link as RouterLink } from 'react-router';
import { EmailText } from '../../components/EmailText';
import { formatDate } from '../../lib/format';
import type { Customer, CustomerSort } from './types';

interface Props {
  customers: readonly Customer[];
  sort: CustomerSort;
  onSortChange: (sort: CustomerSort) => void;
  loading: boolean;
}

/**
 * The loaded pages in a plain table that grows with them; the page scrolls, "Load more" fetches the next page. The
 * server sorts (keyset pagination): by name A→Z, or newest first. A data grid cost 150 KB of compressed JavaScript
 * for what this list needs: sortable headers, links, narrow columns.
 */
export function CustomerTable({ customers, sort, onSortChange, loading }: Props) {
  const theme = useTheme();
  // Company, phone, owner and created date give way on narrow screens.
  const wide = !useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  return (
    <TableContainer component={Paper}>
      {/* a re-sort or a new search keeps the old rows until the new ones arrive */}
      <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label="Loading customers" />}</Box>
      <Table aria-label="Customers" aria-busy={loading} size="small">
        <TableHead>
          <TableRow>
            <TableCell sortDirection={sort === 'name' ? 'asc' : false}>
              <TableSortLabel active={sort === 'name'} direction="asc" onClick={() => onSortChange('name')}>
                Name
              </TableSortLabel>
            </TableCell>
            <TableCell>Email</TableCell>
            {wide && <TableCell>Company</TableCell>}
            {wide && <TableCell>Phone</TableCell>}
            {wide && <TableCell>Owner</TableCell>}
            {wide && (
              <TableCell sortDirection={sort === 'created' ? 'desc' : false}>
                <TableSortLabel active={sort === 'created'} direction="desc" onClick={() => onSortChange('created')}>
                  Created
                </TableSortLabel>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {customers.map((customer) => (
            <CustomerRow key={customer.id} customer={customer} wide={wide} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

// Memoised: loading the next page renders only its new rows.
const CustomerRow = memo(function CustomerRow({ customer, wide }: { customer: Customer; wide: boolean }) {
  return (
    <TableRow hover data-id={customer.id}>
      <TableCell>
        <Link component={RouterLink} to={`/customers/${customer.id}`}>
          {customer.name}
        </Link>
      </TableCell>
      <TableCell>
        <EmailText email={customer.email} />
      </TableCell>
      {wide && <TableCell>{customer.company}</TableCell>}
      {wide && <TableCell>{customer.phone}</TableCell>}
      {wide && <TableCell>{customer.ownerName}</TableCell>}
      {wide && <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(customer.createdAt)}</TableCell>}
    </TableRow>
  );
});
