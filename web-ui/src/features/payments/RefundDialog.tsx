import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../lib/format';
import { fieldErrorsOf } from '../../api/fieldErrors';
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
 * Refunds all that is left of a payment or a part of it, never more than what is left. Like recording, one
 * Idempotency-Key per opening, sent with every attempt.
 */
export function RefundDialog({ payment, onClose }: Props) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const left = remaining(payment.amount, payment.refundedAmount, payment.currency);
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [refund, { isLoading, error }] = useRefundPaymentMutation();
  const submitting = useRef(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting.current) return;
    const invalid = kind === 'partial' ? amountError(amount, payment.currency, left) : null;
    if (invalid) {
      setErrors({ amount: invalid });
      return;
    }
    setErrors({});
    submitting.current = true;
    try {
      const value = kind === 'full' ? left : (normalizedAmount(amount, payment.currency) ?? amount);
      await refund({ payment, amount: value, reason, idempotencyKey }).unwrap();
      onClose();
    } catch (failure) {
      setErrors(fieldErrorsOf(failure, FIELDS));
    } finally {
      submitting.current = false;
    }
  };

  const otherError = error && Object.keys(errors).length === 0 ? error : undefined;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="refund-title">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="refund-title">Refund payment</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>
              {formatMoney(payment.amount, payment.currency)} paid, {formatMoney(left, payment.currency)} left to refund.
            </DialogContentText>
            {otherError && <ErrorAlert error={otherError} />}
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
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" variant="contained" color="error" disabled={isLoading}>
            {isLoading ? 'Refunding…' : 'Refund'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
