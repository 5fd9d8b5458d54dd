import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FieldHistory, type ValueDescriber } from '../history/FieldHistory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { formatDateTime, formatMoney } from '../../lib/format';
import { METHOD_LABELS, STATUS_LABELS } from './labels';
import { anyRefunded } from './money';
import { useListRefundsQuery } from './paymentsApi';
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

/** Each refund of the payment: how much, why, by whom and when. */
function Refunds({ payment }: { payment: Payment }) {
  const { data: refunds, error, isLoading } = useListRefundsQuery({ id: payment.id, version: payment.version });
  return (
    <Section title="Refunds">
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading refunds" />}
      {refunds && (
        <List aria-label="Refunds" dense>
          {refunds.map((refund) => (
            <ListItem key={refund.id} divider>
              <ListItemText
                primary={`${formatMoney(refund.amount, payment.currency)}${refund.reason ? ` · ${refund.reason}` : ''}`}
                secondary={`${formatDateTime(refund.createdAt)}${refund.createdByName ? ` · by ${refund.createdByName}` : ''}`}
                slotProps={{ primary: { sx: { wordBreak: 'break-word' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
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
          {anyRefunded(payment) && <Refunds payment={payment} />}
          <FieldHistory resource="payments" id={payment.id} version={payment.version} describeValue={describer(payment)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
