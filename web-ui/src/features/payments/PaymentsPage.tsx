import { lazy, Suspense } from 'react';

// Every page's chunk is preloaded on a first visit, within the shell's byte budget: this one only points at the
// payments chunk, which the customer and lead pages load on demand too.
const PaymentsBrowser = lazy(() => import('./sections').then((m) => ({ default: m.PaymentsBrowser })));

/** Payments across customers, for those who manage them (managers and admins). */
export default function PaymentsPage() {
  return (
    <Suspense fallback={null}>
      <PaymentsBrowser />
    </Suspense>
  );
}
