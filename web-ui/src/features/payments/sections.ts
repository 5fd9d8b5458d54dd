// The payments UI the pages load on demand, as one chunk: the panel of the customer and lead pages and the list of
// the Payments page share nearly all their code (a chunk of its own for each split the shared chunks further).
export { PaymentsBrowser } from './PaymentsBrowser';
export { PaymentsPanel } from './PaymentsPanel';
