import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FieldHistory } from '../history/FieldHistory';
import { formatMoney } from '../../lib/format';
import { METHOD_LABELS } from './labels';
import { PaymentStatusChip } from './PaymentStatusChip';
import type { Payment } from './types';

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
          <FieldHistory resource="payments" id={payment.id} version={payment.version} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
