import DialogContentText from '@mui/material/DialogContentText';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { formatMoney } from '../../lib/format';
import { IdempotentFormDialog } from './IdempotentFormDialog';
import { useIdempotentSubmit } from './useIdempotentSubmit';
import { amountError, normalizedAmount, remaining } from './money';
import { useRefundPaymentMutation } from './paymentsApi';
import type { Payment } from './types';

type Field = 'amount' | 'reason';
const FIELDS: readonly Field[] = ['amount', 'reason'];

interface Props {
  payment: Payment;
  onClose: () => void;
}

/**
 * Refunds all that is left of a payment or a part of it, never more than what is left; idempotent like recording
 * (see useIdempotentSubmit).
 */
export function RefundDialog({ payment, onClose }: Props) {
  const left = remaining(payment.amount, payment.refundedAmount, payment.currency);
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { errors, submit } = useIdempotentSubmit(FIELDS);
  const [refund, { isLoading, error }] = useRefundPaymentMutation();

  const refundPayment = () => {
    const invalid = kind === 'partial' ? amountError(amount, payment.currency, left) : null;
    return submit(invalid ? { amount: invalid } : null, async (idempotencyKey) => {
      const value = kind === 'full' ? left : (normalizedAmount(amount, payment.currency) ?? amount);
      await refund({ payment, amount: value, reason, idempotencyKey }).unwrap();
      onClose();
    });
  };

  return (
    <IdempotentFormDialog
      titleId="refund-title"
      title="Refund payment"
      intro={
        <DialogContentText>
          {formatMoney(payment.amount, payment.currency)} paid, {formatMoney(left, payment.currency)} left to refund.
        </DialogContentText>
      }
      error={error}
      fieldErrors={errors}
      submitLabel="Refund"
      pendingLabel="Refunding…"
      submitColor="error"
      pending={isLoading}
      onSubmit={() => void refundPayment()}
      onClose={onClose}
    >
      <FormControl>
        <FormLabel id="refund-kind-label">Refund</FormLabel>
        <RadioGroup
          aria-labelledby="refund-kind-label"
          value={kind}
          onChange={(event) => setKind(event.target.value as 'full' | 'partial')}
        >
          <FormControlLabel value="full" control={<Radio />} label={`All that is left (${formatMoney(left, payment.currency)})`} />
          <FormControlLabel value="partial" control={<Radio />} label="Part of it" />
        </RadioGroup>
      </FormControl>
      {kind === 'partial' && (
        <TextField
          id="refund-amount"
          label={`Amount (${payment.currency})`}
          value={amount}
          required
          autoFocus
          onChange={(event) => setAmount(event.target.value)}
          error={Boolean(errors.amount)}
          helperText={errors.amount ?? `At most ${left}`}
          slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 24 } }}
        />
      )}
      <TextField
        id="refund-reason"
        label="Reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={Boolean(errors.reason)}
        helperText={errors.reason ?? 'Optional'}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </IdempotentFormDialog>
  );
}
