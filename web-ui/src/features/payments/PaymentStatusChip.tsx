import Chip from '@mui/material/Chip';
import { STATUS_COLORS, STATUS_LABELS } from './labels';
import type { PaymentStatus } from './types';

export function PaymentStatusChip({ status }: { status: PaymentStatus }) {
  return <Chip size="small" label={STATUS_LABELS[status] ?? status} color={STATUS_COLORS[status]} />;
}
