import { baseApi } from '../../api/baseApi';
import type { Page } from '../../api/page';
import type {
  CurrencyTotal,
  NewPayment,
  NewRefund,
  Payment,
  PaymentListArgs,
  PaymentStatus,
  Refund,
} from './types';

export const PAYMENT_PAGE_SIZE = 20;

const LIST = { type: 'Payment', id: 'LIST' } as const;

/** A payment's events reach its customer's timeline and its lead's score a moment later: both refetch too. */
function changed(payment: { customerId: string; leadId?: string | null } | undefined) {
  const tags: ({ type: 'Payment' | 'Timeline' | 'LeadScore'; id: string })[] = [LIST];
  if (payment) tags.push({ type: 'Timeline', id: payment.customerId });
  if (payment?.leadId) tags.push({ type: 'LeadScore', id: payment.leadId });
  return tags;
}

function filterParams(args: PaymentListArgs): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'string' && value) params[name] = value;
  }
  // dates of the reader's day: from its first moment to the last one of the "to" day
  if (args.from) params.from = new Date(`${args.from}T00:00:00`).toISOString();
  if (args.to) params.to = new Date(new Date(`${args.to}T00:00:00`).getTime() + 86_400_000).toISOString();
  return params;
}

function listParams(args: PaymentListArgs, cursor: string): Record<string, string> {
  const params = { ...filterParams(args), size: String(PAYMENT_PAGE_SIZE) };
  return cursor ? { ...params, cursor } : params;
}

export const paymentsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** Newest first, keyset pages ("Load more"), the record-level rule applied by the service. */
    listPayments: build.infiniteQuery<Page<Payment>, PaymentListArgs, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({ url: '/payments', params: listParams(queryArg, pageParam) }),
      providesTags: [LIST],
    }),
    /** Paid, refunded and net per currency of the payments the filters select (a customer's, a lead's, or all). */
    paymentTotals: build.query<CurrencyTotal[], PaymentListArgs>({
      query: (args) => ({ url: '/payments/totals', params: filterParams(args) }),
      transformResponse: (response: { totals: CurrencyTotal[] }) => response.totals,
      providesTags: [LIST],
    }),
    recordPayment: build.mutation<Payment, NewPayment>({
      query: ({ idempotencyKey, ...payment }) => ({
        url: '/payments',
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: {
          customerId: payment.customerId,
          leadId: payment.leadId ?? null,
          amount: payment.amount,
          currency: payment.currency,
          method: payment.method,
          status: payment.status,
          externalRef: payment.externalRef?.trim() || null,
          paidAt: payment.paidAt ?? null,
        },
      }),
      invalidatesTags: (_result, _error, payment) => changed(payment),
    }),
    refundPayment: build.mutation<{ refund: Refund; payment: Payment }, NewRefund>({
      query: ({ payment, amount, reason, idempotencyKey }) => ({
        url: `/payments/${encodeURIComponent(payment.id)}/refunds`,
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: { amount, reason: reason?.trim() || null },
      }),
      invalidatesTags: (_result, _error, { payment }) => changed(payment),
    }),
    setPaymentStatus: build.mutation<Payment, { payment: Payment; status: Extract<PaymentStatus, 'COMPLETED' | 'FAILED'> }>({
      query: ({ payment, status }) => ({
        url: `/payments/${encodeURIComponent(payment.id)}/status`,
        method: 'POST',
        body: { status, version: payment.version },
      }),
      invalidatesTags: (_result, _error, { payment }) => changed(payment),
    }),
    /** A payment's refunds, newest first, with their reasons: read again when the payment changes. */
    listRefunds: build.query<Refund[], { id: string; version: number }>({
      query: ({ id }) => `/payments/${encodeURIComponent(id)}/refunds`,
    }),
  }),
});

export const {
  useListRefundsQuery,
  useListPaymentsInfiniteQuery,
  usePaymentTotalsQuery,
  useRecordPaymentMutation,
  useRefundPaymentMutation,
  useSetPaymentStatusMutation,
} = paymentsApi;
