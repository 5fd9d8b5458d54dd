import Button from '@mui/material/Button';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { useCan } from '../auth/useMe';
import { PaymentItem } from './PaymentItem';
import { useListPaymentsInfiniteQuery, usePaymentTotalsQuery } from './paymentsApi';
import { PaymentTotals } from './PaymentTotals';
import { RecordPaymentDialog } from './RecordPaymentDialog';
import { usePaymentActions } from './usePaymentActions';

interface Props {
  customerId: string;
  /** A lead's panel: its payments only, and new ones are on the lead. */
  leadId?: string;
  /** The currency a new payment starts with (the lead's). */
  currency?: string;
  /**
   * Whether this user may record payments here: the caller knows the record-level half (a sales user records only for
   * customers they own and leads assigned to them).
   */
  mayRecordHere: boolean;
}

/** A customer's or a lead's payments: totals per currency, newest first, record, refund, settle and history. */
export function PaymentsPanel({ customerId, leadId, currency, mayRecordHere }: Props) {
  const mayView = useCan('viewPayments');
  const mayRecord = useCan('recordPayments') && mayRecordHere;
  const scope = leadId ? { leadId } : { customerId };
  const totals = usePaymentTotalsQuery(scope, { skip: !mayView });
  const list = useListPaymentsInfiniteQuery(scope, { skip: !mayView });
  const [recording, setRecording] = useState(false);
  const { itemProps, feedback, dialogs } = usePaymentActions();

  if (!mayView) return null;
  const payments = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section
      title="Payments"
      action={mayRecord && (
        <Button variant="outlined" onClick={() => setRecording(true)}>
          Record payment
        </Button>
      )}
    >
      {(totals.error ?? list.error) && <ErrorAlert error={totals.error ?? list.error} />}
      {feedback}
      {totals.data && <PaymentTotals totals={totals.data} />}
      {list.isLoading && <PageLoading label="Loading payments" />}
      {!list.isLoading && !list.error && payments.length === 0 && (
        <Typography color="text.secondary">No payments yet.</Typography>
      )}
      {payments.length > 0 && (
        <Paper>
          <List aria-label="Payments">
            {payments.map((payment) => (
              <PaymentItem key={payment.id} payment={payment} {...itemProps} />
            ))}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
        label="Older payments"
      />
      {recording && (
        <RecordPaymentDialog
          customerId={customerId}
          leadId={leadId}
          currency={currency}
          onClose={() => setRecording(false)}
        />
      )}
      {dialogs}
    </Section>
  );
}
