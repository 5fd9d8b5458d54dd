import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCan } from '../auth/useMe';
import { PaymentHistoryDialog } from './PaymentHistoryDialog';
import { useSetPaymentStatusMutation } from './paymentsApi';
import { RefundDialog } from './RefundDialog';
import type { Payment } from './types';

/** What a list of payments offers on each one (refund, settle a pending one, history) and the dialogs for it. */
export function usePaymentActions() {
  const mayRefund = useCan('refundPayments');
  const maySettle = useCan('settlePayments');
  const [refunding, setRefunding] = useState<Payment>();
  const [history, setHistory] = useState<Payment>();
  const [settle, { isLoading: settling, error: settleError }] = useSetPaymentStatusMutation();

  return {
    itemProps: {
      mayRefund,
      maySettle,
      busy: settling,
      onRefund: setRefunding,
      onHistory: setHistory,
      onSettle: (payment: Payment, status: 'COMPLETED' | 'FAILED') => {
        void settle({ payment, status });
      },
    },
    feedback: settleError ? <ErrorAlert error={settleError} /> : null,
    dialogs: (
      <>
        {refunding && <RefundDialog payment={refunding} onClose={() => setRefunding(undefined)} />}
        {history && <PaymentHistoryDialog payment={history} onClose={() => setHistory(undefined)} />}
      </>
    ),
  };
}
