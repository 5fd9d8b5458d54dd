import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FieldHistory, type ValueDescriber } from '../history/FieldHistory';
import { formatMoney } from '../../lib/format';
import { METHOD_LABELS, STATUS_LABELS } from './labels';
import { PaymentStatusChip } from './PaymentStatusChip';
import type { Payment, PaymentMethod, PaymentStatus } from './types';

/** A payment's history in the words of its page: statuses and methods by name, amounts in its currency. */
function describer(payment: Payment): ValueDescriber {
  return (field, value) => {
    if (field === 'status') return STATUS_LABELS[value as PaymentStatus];
    if (field === 'method') return METHOD_LABELS[value as PaymentMethod];
    if (field === 'amount' || field === 'refundedAmount') return formatMoney(value, payment.currency);
    return undefined;
  };
}

/** A payment's facts and its field history (status, amounts), newest first. */
export function PaymentHistoryDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="payment-history-title">
      <DialogTitle id="payment-history-title">Payment {formatMoney(payment.amount, payment.currency)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <PaymentStatusChip status={payment.status} />
            <Typography variant="body2">
              {METHOD_LABELS[payment.method] ?? payment.method}
              {payment.customerName ? ` · ${payment.customerName}` : ''}
              {payment.leadTitle ? ` · ${payment.leadTitle}` : ''}
            </Typography>
          </Stack>
          <FieldHistory resource="payments" id={payment.id} version={payment.version} describeValue={describer(payment)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
