import { lazy, Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';

// The reports and their charts (Recharts) load when the page shows; the shell preloads only this pointer.
const ReportsView = lazy(() => import('./ReportsView'));

export default function ReportsPage() {
  return (
    <Suspense fallback={<PageLoading label="Loading reports" />}>
      <ReportsView />
    </Suspense>
  );
}
