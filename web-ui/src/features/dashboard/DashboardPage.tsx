import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import { useGetLayoutQuery } from './dashboardApi';
import { HeadlineCards } from './HeadlineCards';
import { useLiveDashboard } from './useLiveDashboard';

// The widgets and their charts (Recharts) are a chunk of their own: the shell preloads this page within the first-visit
// budget, and the charts come when the dashboard shows, not before.
const DashboardWidgets = lazy(() => import('./DashboardWidgets'));

/** The home page: the headline figures and the user's widgets. */
export default function DashboardPage() {
  useLiveDashboard();
  // the cards stand alone unless the user's layout places them as a widget (the built-in default does)
  const { data: layout, isError } = useGetLayoutQuery();
  const cardsAlone = isError || (layout !== undefined && !layout.widgets.some((widget) => widget.type === 'headline'));
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Dashboard
      </Typography>
      {cardsAlone && <HeadlineCards />}
      <Suspense fallback={<PageLoading label="Loading widgets" />}>
        <DashboardWidgets />
      </Suspense>
    </Stack>
  );
}
