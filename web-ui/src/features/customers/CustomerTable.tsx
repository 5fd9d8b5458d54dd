import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link as RouterLink } from 'react-router';
import { formatDate } from './format';
import type { Customer } from './types';

// Phone and created date give way on narrow screens.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

export function CustomerTable({ customers }: { customers: readonly Customer[] }) {
  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label="Customers">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Email</TableCell>
            <TableCell sx={wideOnly}>Phone</TableCell>
            <TableCell sx={wideOnly}>Created</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {customers.map((customer) => (
            <TableRow key={customer.id} hover>
              <TableCell>
                <Link component={RouterLink} to={`/customers/${customer.id}`}>
                  {customer.name}
                </Link>
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-all' }}>{customer.email}</TableCell>
              <TableCell sx={wideOnly}>{customer.phone}</TableCell>
              <TableCell sx={wideOnly}>{formatDate(customer.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
