import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, formatMoney } from '../../lib/format';
import { METHOD_LABELS, REFUNDABLE } from './labels';
import { anyRefunded } from './money';
import { PaymentStatusChip } from './PaymentStatusChip';
import type { Payment } from './types';

interface Props {
  payment: Payment;
  /** Name the customer and the lead (a list across customers). */
  showOwner?: boolean;
  mayRefund: boolean;
  maySettle: boolean;
  busy: boolean;
  onRefund: (payment: Payment) => void;
  onSettle: (payment: Payment, status: 'COMPLETED' | 'FAILED') => void;
  onHistory: (payment: Payment) => void;
}

/** One payment: amount and status, when and how, what was refunded, and what the reader may do with it. */
export function PaymentItem({ payment, showOwner, mayRefund, maySettle, busy, onRefund, onSettle, onHistory }: Props) {
  const refunded = anyRefunded(payment);
  const details = [
    formatDateTime(payment.paidAt ?? payment.createdAt),
    METHOD_LABELS[payment.method] ?? payment.method,
    payment.externalRef ? `Ref. ${payment.externalRef}` : null,
    refunded ? `${formatMoney(payment.refundedAmount, payment.currency)} refunded` : null,
    // recorded outside any request (the demo data, a provider's event): the history says so the same way
    payment.createdBy === 'system' ? 'by the system' : payment.createdByName ? `by ${payment.createdByName}` : null,
  ].filter(Boolean);
  return (
    <ListItem divider sx={{ display: 'block' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography component="span" sx={{ fontWeight: 500 }}>
              {formatMoney(payment.amount, payment.currency)}
            </Typography>
            <PaymentStatusChip status={payment.status} />
          </Stack>
          {showOwner && (
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
              <Link component={RouterLink} to={`/customers/${payment.customerId}`}>
                {payment.customerName ?? 'Customer'}
              </Link>
              {payment.leadId && (
                <>
                  {' · '}
                  <Link component={RouterLink} to={`/leads/${payment.leadId}`}>
                    {payment.leadTitle ?? 'Lead'}
                  </Link>
                </>
              )}
            </Typography>
          )}
          {!showOwner && payment.leadId && payment.leadTitle && (
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
              Lead {payment.leadTitle}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {details.join(' · ')}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start', flexShrink: 0 }}>
          {maySettle && payment.status === 'PENDING' && (
            <>
              <Button size="small" variant="outlined" disabled={busy} onClick={() => onSettle(payment, 'COMPLETED')}>
                Mark completed
              </Button>
              <Button size="small" variant="outlined" color="error" disabled={busy} onClick={() => onSettle(payment, 'FAILED')}>
                Mark failed
              </Button>
            </>
          )}
          {mayRefund && REFUNDABLE.includes(payment.status) && (
            <Button size="small" variant="outlined" onClick={() => onRefund(payment)}>
              Refund
            </Button>
          )}
          <Button size="small" onClick={() => onHistory(payment)}>
            History
          </Button>
        </Stack>
      </Stack>
    </ListItem>
  );
}
