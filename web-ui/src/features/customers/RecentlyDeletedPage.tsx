import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { formatDate, formatDateTime } from '../../lib/format';
import { useListDeletedCustomersInfiniteQuery, useRestoreCustomerMutation } from './customersApi';
import type { DeletedCustomer } from './types';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Managers and admins: the deleted customers that can still be restored, most recently deleted first. */
export default function RecentlyDeletedPage() {
  const { data, error, isLoading, isFetchingNextPage, hasNextPage, fetchNextPage } =
    useListDeletedCustomersInfiniteQuery();
  const [restore, { error: restoreError, reset }] = useRestoreCustomerMutation();
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restored, setRestored] = useState<{ id: string; name: string } | null>(null);
  const theme = useTheme();
  const wide = !useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const customers = data?.pages.flatMap((page) => page.items) ?? [];

  const onRestore = async (customer: DeletedCustomer) => {
    reset();
    setRestored(null);
    setRestoring(customer.id);
    try {
      await restore(customer.id).unwrap();
      setRestored({ id: customer.id, name: customer.name });
    } catch {
      // shown above the table
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Recently deleted
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Deleted customers can be restored for 30 days; after that they are removed for good.
      </Typography>
      {restored && (
        <Alert severity="success" role="status">
          {restored.name} is restored.{' '}
          <Link component={RouterLink} to={`/customers/${restored.id}`}>
            Open {restored.name}
          </Link>
        </Alert>
      )}
      {restoreError ? <ErrorAlert error={restoreError} /> : null}
      {error && <ErrorAlert error={error} />}
      {isLoading ? (
        <PageLoading label="Loading deleted customers" />
      ) : customers.length === 0 ? (
        <Typography role="status">No deleted customers.</Typography>
      ) : (
        <TableContainer component={Paper}>
          <Table aria-label="Deleted customers" size="small">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                {wide && <TableCell>Email</TableCell>}
                <TableCell>Deleted</TableCell>
                {wide && <TableCell>Removed for good on</TableCell>}
                <TableCell>
                  <Box component="span" sx={VISUALLY_HIDDEN}>
                    Actions
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {customers.map((customer) => (
                <TableRow key={customer.id} data-id={customer.id}>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{customer.name}</TableCell>
                  {wide && <TableCell sx={{ wordBreak: 'break-word' }}>{customer.email}</TableCell>}
                  <TableCell>
                    {formatDateTime(customer.deletedAt)}
                    {customer.deletedByName ? ` by ${customer.deletedByName}` : ''}
                  </TableCell>
                  {wide && <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(customer.purgeAt)}</TableCell>}
                  <TableCell align="right">
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => void onRestore(customer)}
                      disabled={restoring !== null}
                      aria-label={`Restore ${customer.name}`}
                    >
                      {restoring === customer.id ? 'Restoring…' : 'Restore'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onClick={() => void fetchNextPage()} />
    </Stack>
  );
}
