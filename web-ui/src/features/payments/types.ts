export const PAYMENT_STATUSES = ['PENDING', 'COMPLETED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_METHODS = ['CARD', 'BANK_TRANSFER', 'CASH', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A payment as payment-service sends it; amounts are decimal strings in the currency's minor units. */
export interface Payment {
  id: string;
  customerId: string;
  customerName: string | null;
  leadId: string | null;
  leadTitle: string | null;
  amount: string;
  currency: string;
  status: PaymentStatus;
  method: PaymentMethod;
  externalRef: string | null;
  refundedAmount: string;
  paidAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  createdByName: string | null;
  version: number;
}

export interface CurrencyTotal {
  currency: string;
  paid: string;
  refunded: string;
  net: string;
  count: number;
}

export interface Refund {
  id: string;
  amount: string;
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
  createdByName?: string | null;
}

/** The filters of the payments list; '' = any. `from` and `to` are dates (yyyy-mm-dd). */
export interface PaymentListArgs {
  customerId?: string;
  leadId?: string;
  status?: PaymentStatus | '';
  method?: PaymentMethod | '';
  currency?: string;
  from?: string;
  to?: string;
}

export interface NewPayment {
  customerId: string;
  leadId?: string;
  amount: string;
  currency: string;
  method: PaymentMethod;
  status: 'COMPLETED' | 'PENDING';
  externalRef?: string;
  /** When the money came (an ISO instant), if not now; none for a pending payment. */
  paidAt?: string;
  /** The key of this one intent to pay: the same on every retry of it. */
  idempotencyKey: string;
}

export interface NewRefund {
  payment: Payment;
  amount: string;
  reason?: string;
  idempotencyKey: string;
}
