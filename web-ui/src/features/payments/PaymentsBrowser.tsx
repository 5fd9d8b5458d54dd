import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import { PaymentFilters, type PaymentFilterName } from './PaymentFilters';
import { useCan } from '../auth/useMe';
import { PaymentItem } from './PaymentItem';
import { showing } from '../../lib/showing';
import { useListPaymentsInfiniteQuery, usePaymentTotalsQuery } from './paymentsApi';
import { PaymentTotals } from './PaymentTotals';
import { RecordPaymentDialog } from './RecordPaymentDialog';
import { PAYMENT_METHODS, PAYMENT_STATUSES, type PaymentListArgs, type PaymentMethod, type PaymentStatus } from './types';
import { usePaymentActions } from './usePaymentActions';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as the URL holds them; anything unknown there is "any". */
function argsFrom(params: URLSearchParams): Record<PaymentFilterName, string> & PaymentListArgs {
  const status = params.get('status') ?? '';
  const method = params.get('method') ?? '';
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  return {
    status: (PAYMENT_STATUSES as readonly string[]).includes(status) ? (status as PaymentStatus) : '',
    method: (PAYMENT_METHODS as readonly string[]).includes(method) ? (method as PaymentMethod) : '',
    currency: /^[A-Z]{3}$/.test(params.get('currency') ?? '') ? (params.get('currency') ?? '') : '',
    from: date('from'),
    to: date('to'),
  };
}

/**
 * Every payment the caller may see, newest first, filtered in the URL, 20 at a time ("Load more"), with what the
 * filtered payments brought in per currency; "Record payment" asks for the customer first.
 */
export function PaymentsBrowser() {
  const [params, setParams] = useSearchParams();
  const args = argsFrom(params);
  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage } =
    useListPaymentsInfiniteQuery(args);
  const totals = usePaymentTotalsQuery(args);
  const mayRecord = useCan('recordPayments');
  const [recording, setRecording] = useState(false);
  const { itemProps, feedback, dialogs } = usePaymentActions();
  const payments = data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(args).some(Boolean);

  const setParam = (name: PaymentFilterName, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          Payments
        </Typography>
        {mayRecord && (
          <Button variant="contained" onClick={() => setRecording(true)}>
            Record payment
          </Button>
        )}
      </Stack>
      <PaymentFilters values={args} onChange={setParam} />
      {(error ?? totals.error) && <ErrorAlert error={error ?? totals.error} />}
      {feedback}
      {isLoading ? (
        <PageLoading label="Loading payments" />
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" role="status" aria-busy={isFetching}>
            {payments.length === 0 && !isFetching
              ? filtered
                ? 'No payments match these filters.'
                : 'No payments yet.'
              : showing(payments.length, hasNextPage, undefined, 'payment')}
          </Typography>
          {totals.data && (
            <PaymentTotals
              totals={totals.data}
              caption={filtered ? 'Received from every payment these filters select' : 'Received from every payment'}
            />
          )}
          {payments.length > 0 && (
            <Paper>
              <List aria-label="Payments">
                {payments.map((payment) => (
                  <PaymentItem key={payment.id} payment={payment} showOwner {...itemProps} />
                ))}
              </List>
            </Paper>
          )}
          <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onClick={() => void fetchNextPage()} />
        </>
      )}
      {recording && <RecordPaymentDialog onClose={() => setRecording(false)} />}
      {dialogs}
    </Stack>
  );
}
