import type { PaymentMethod, PaymentStatus } from './types';

export const STATUS_LABELS: Record<PaymentStatus, string> = {
  PENDING: 'Pending',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  PARTIALLY_REFUNDED: 'Partly refunded',
  REFUNDED: 'Refunded',
};

// colours whose filled chips keep AA contrast with their white text (MUI's warning and info do not)
export const STATUS_COLORS: Record<PaymentStatus, 'default' | 'success' | 'error' | 'primary' | 'secondary'> = {
  PENDING: 'default',
  COMPLETED: 'success',
  FAILED: 'error',
  PARTIALLY_REFUNDED: 'secondary',
  REFUNDED: 'primary',
};

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  CARD: 'Card',
  BANK_TRANSFER: 'Bank transfer',
  CASH: 'Cash',
  OTHER: 'Other',
};

/** Statuses a refund may start from (payment-service's transition table). */
export const REFUNDABLE: readonly PaymentStatus[] = ['COMPLETED', 'PARTIALLY_REFUNDED'];
