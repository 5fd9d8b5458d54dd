import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatMoneyList, formatPercent } from '../../lib/format';
import { useCan } from '../auth/useMe';
import { useListAssigneesQuery } from '../leads/leadsApi';
import { REPORT_POLL_MS, useSalesPerformanceQuery } from './reportsApi';
import type { Period, SalesPerformanceRow } from './types';

const days = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Leads closed within hours read "< 0.1", not as if closed at once. */
function daysText(value: number): string {
  return value > 0 && value < 0.05 ? `< ${days.format(0.1)}` : days.format(value);
}

/** Leads, wins and revenue per sales user (a sales user gets their own row only: the service decides). */
export function SalesPerformanceTable({ period, compact = false }: { period: Period; compact?: boolean }) {
  const theme = useTheme();
  // a phone keeps who won how much at what rate: without the leads and lost behind the rate, nor the days to close
  const phone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const { data, error, isLoading } = useSalesPerformanceQuery(period, {
    pollingInterval: REPORT_POLL_MS,
    skipPollingIfUnfocused: true,
  });
  // the report names people; the sales team's list covers those no event has named yet
  const namesKnown = useCan('viewAssignees');
  const { data: people } = useListAssigneesQuery(undefined, { skip: !namesKnown });
  const nameOf = (row: SalesPerformanceRow) =>
    row.userName ?? people?.find((person) => person.id === row.userId)?.name ?? row.userId;

  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <PageLoading label="Loading sales performance" />;
  if (data.rows.length === 0) return <Typography color="text.secondary">No leads in this period.</Typography>;
  return (
    <>
      {/* focusable: on a phone the table scrolls sideways, and keyboard users scroll it too */}
      <TableContainer tabIndex={0} role="region" aria-label="Sales performance (scrolls)" sx={{ maxHeight: compact ? 280 : undefined }}>
        <Table size="small" stickyHeader aria-label="Sales performance" sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Person
              </TableCell>
              {!phone && (
                <TableCell component="th" scope="col" align="right">
                  Leads
                </TableCell>
              )}
              <TableCell component="th" scope="col" align="right">
                Won
              </TableCell>
              {!phone && (
                <TableCell component="th" scope="col" align="right">
                  Lost
                </TableCell>
              )}
              <TableCell component="th" scope="col" align="right">
                Win rate
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Revenue
              </TableCell>
              {!compact && !phone && (
                <TableCell component="th" scope="col" align="right">
                  Days to close
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.rows.map((row) => (
              <TableRow key={row.userId}>
                <TableCell component="th" scope="row">
                  {nameOf(row)}
                </TableCell>
                {!phone && <TableCell align="right">{row.leadsAssigned}</TableCell>}
                <TableCell align="right">{row.won}</TableCell>
                {!phone && <TableCell align="right">{row.lost}</TableCell>}
                <TableCell align="right">{formatPercent(row.winRate)}</TableCell>
                <TableCell align="right">
                  {phone
                    ? row.revenue.map((money) => <div key={money.currency}>{formatMoneyList([money])}</div>)
                    : formatMoneyList(row.revenue)}
                  {phone && row.revenue.length === 0 && '—'}
                </TableCell>
                {!compact && !phone && (
                  <TableCell align="right">{row.averageDaysToClose === null ? '—' : daysText(row.averageDaysToClose)}</TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {!compact && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Revenue: completed payments less refunds on each person’s leads, and on their customers’ when a payment is on no
          lead.
        </Typography>
      )}
    </>
  );
}
