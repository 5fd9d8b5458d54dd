import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { CustomerPicker, type CustomerChoice } from '../customers/CustomerPicker';
import { isoDate } from '../reports/period';
import { IdempotentFormDialog } from './IdempotentFormDialog';
import { useIdempotentSubmit, type FieldErrors } from './useIdempotentSubmit';
import { METHOD_LABELS } from './labels';
import { amountError, CURRENCIES, minorUnits, normalizedAmount } from './money';
import { useRecordPaymentMutation } from './paymentsApi';
import { receivedOn } from './receivedOn';
import { PAYMENT_METHODS, type Payment, type PaymentMethod } from './types';

type Field = 'amount' | 'currency' | 'method' | 'status' | 'paidAt' | 'externalRef' | 'customerId' | 'leadId';
const FIELDS: readonly Field[] = ['amount', 'currency', 'method', 'status', 'paidAt', 'externalRef', 'customerId', 'leadId'];

interface Props {
  /** The customer paying; without one, the dialog asks for the customer first (the Payments page). */
  customerId?: string;
  leadId?: string;
  /** The currency offered first (a lead's own, say). */
  currency?: string;
  onClose: () => void;
  onRecorded?: (payment: Payment) => void;
}

function decimalsHint(currency: string): string {
  const digits = minorUnits(currency);
  return digits === 0 ? `${currency}: whole units, no decimals` : `${currency}: ${digits} decimals`;
}

/**
 * The customer (unless given), amount, currency, method, status, the day a completed payment came and reference.
 * Mounted for one opening, so that a double click or a retry after a network error records one payment (see
 * useIdempotentSubmit).
 */
export function RecordPaymentDialog({ customerId, leadId, currency: initialCurrency, onClose, onRecorded }: Props) {
  const [customer, setCustomer] = useState<CustomerChoice | null>(null);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(
    initialCurrency && (CURRENCIES as readonly string[]).includes(initialCurrency) ? initialCurrency : 'EUR',
  );
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [status, setStatus] = useState<'COMPLETED' | 'PENDING'>('COMPLETED');
  const [received, setReceived] = useState(() => isoDate(new Date()));
  const [externalRef, setExternalRef] = useState('');
  const { errors, submit, clear } = useIdempotentSubmit(FIELDS);
  const [record, { isLoading, error }] = useRecordPaymentMutation();

  const payer = customerId ?? customer?.id;

  const recordPayment = () => {
    const invalid: FieldErrors<Field> = {};
    if (!payer) invalid.customerId = 'Choose the customer';
    const amountProblem = amountError(amount, currency);
    if (amountProblem) invalid.amount = amountProblem;
    // a pending payment has not come yet: no date
    const when = status === 'COMPLETED' ? receivedOn(received) : {};
    if (when.error) invalid.paidAt = when.error;
    return submit(Object.keys(invalid).length > 0 ? invalid : null, async (idempotencyKey) => {
      const payment = await record({
        customerId: payer ?? '',
        leadId,
        amount: normalizedAmount(amount, currency) ?? amount,
        currency,
        method,
        status,
        externalRef,
        paidAt: when.paidAt,
        idempotencyKey,
      }).unwrap();
      onRecorded?.(payment);
      onClose();
    });
  };

  const reference = (customerId ? errors.customerId : undefined) ?? errors.leadId;
  return (
    <IdempotentFormDialog
      titleId="record-payment-title"
      title="Record payment"
      error={error}
      fieldErrors={errors}
      submitLabel="Record"
      pendingLabel="Recording…"
      pending={isLoading}
      onSubmit={() => void recordPayment()}
      onClose={onClose}
    >
      {reference && <Alert severity="error">{reference}</Alert>}
      {!customerId && (
        <CustomerPicker
          id="payment-customer"
          value={customer}
          onChange={(next) => {
            setCustomer(next);
            clear('customerId');
          }}
          error={errors.customerId}
        />
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          id="payment-amount"
          label="Amount"
          value={amount}
          required
          autoFocus={Boolean(customerId)}
          onChange={(event) => setAmount(event.target.value)}
          error={Boolean(errors.amount)}
          helperText={errors.amount ?? decimalsHint(currency)}
          slotProps={{ htmlInput: { inputMode: minorUnits(currency) === 0 ? 'numeric' : 'decimal', maxLength: 24 } }}
          sx={{ flexGrow: 1 }}
        />
        <TextField
          id="payment-currency"
          select
          label="Currency"
          value={currency}
          onChange={(event) => setCurrency(event.target.value)}
          error={Boolean(errors.currency)}
          helperText={errors.currency}
          sx={{ minWidth: 120 }}
        >
          {CURRENCIES.map((code) => (
            <MenuItem key={code} value={code}>
              {code}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <TextField
        id="payment-method"
        select
        label="Method"
        value={method}
        onChange={(event) => setMethod(event.target.value as PaymentMethod)}
        error={Boolean(errors.method)}
        helperText={errors.method}
      >
        {PAYMENT_METHODS.map((each) => (
          <MenuItem key={each} value={each}>
            {METHOD_LABELS[each]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="payment-status"
        select
        label="Status"
        value={status}
        onChange={(event) => setStatus(event.target.value as 'COMPLETED' | 'PENDING')}
        error={Boolean(errors.status)}
        helperText={errors.status ?? (status === 'PENDING' ? 'Not received yet (a bank transfer on its way)' : 'Received: the money is here')}
      >
        <MenuItem value="COMPLETED">Completed</MenuItem>
        <MenuItem value="PENDING">Pending</MenuItem>
      </TextField>
      {status === 'COMPLETED' && (
        <TextField
          id="payment-received"
          label="Received on"
          type="date"
          value={received}
          required
          onChange={(event) => setReceived(event.target.value)}
          error={Boolean(errors.paidAt)}
          helperText={errors.paidAt}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: isoDate(new Date()) } }}
        />
      )}
      <TextField
        id="payment-reference"
        label="Reference"
        value={externalRef}
        onChange={(event) => setExternalRef(event.target.value)}
        error={Boolean(errors.externalRef)}
        helperText={errors.externalRef ?? "Optional: the provider's or bank's reference"}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </IdempotentFormDialog>
  );
}
