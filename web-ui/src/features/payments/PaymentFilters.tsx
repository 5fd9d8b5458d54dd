import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { METHOD_LABELS, STATUS_LABELS } from './labels';
import { CURRENCIES } from './money';
import { PAYMENT_METHODS, PAYMENT_STATUSES } from './types';

export type PaymentFilterName = 'status' | 'method' | 'currency' | 'from' | 'to';

interface Props {
  values: Record<PaymentFilterName, string>;
  onChange: (name: PaymentFilterName, value: string) => void;
}

/** Status, method, currency and a date range; each "Any" is the empty value. */
export function PaymentFilters({ values, onChange }: Props) {
  const select = (name: PaymentFilterName, label: string, options: [string, string][]) => (
    <TextField
      select
      id={`payment-filter-${name}`}
      label={label}
      value={values[name]}
      onChange={(event) => onChange(name, event.target.value)}
      size="small"
      sx={{ minWidth: 150 }}
    >
      {options.map(([value, text]) => (
        <MenuItem key={value} value={value}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
  const date = (name: 'from' | 'to', label: string) => (
    <TextField
      id={`payment-filter-${name}`}
      label={label}
      type="date"
      value={values[name]}
      onChange={(event) => onChange(name, event.target.value)}
      size="small"
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {select('status', 'Status', [['', 'Any status'], ...PAYMENT_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])])}
      {select('method', 'Method', [['', 'Any method'], ...PAYMENT_METHODS.map((m): [string, string] => [m, METHOD_LABELS[m]])])}
      {select('currency', 'Currency', [['', 'Any currency'], ...CURRENCIES.map((c): [string, string] => [c, c])])}
      {date('from', 'From')}
      {date('to', 'To')}
    </Stack>
  );
}
