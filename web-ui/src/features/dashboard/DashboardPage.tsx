import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import { HeadlineCards } from './HeadlineCards';

// The widgets and their charts (Recharts) are a chunk of their own: the shell preloads this page within the first-visit
// budget, and the charts come when the dashboard shows, not before.
const DashboardWidgets = lazy(() => import('./DashboardWidgets'));

/** The home page: headline figures at once, then the user's widgets. */
export default function DashboardPage() {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Dashboard
      </Typography>
      <HeadlineCards />
      <Suspense fallback={<PageLoading label="Loading widgets" />}>
        <DashboardWidgets />
      </Suspense>
    </Stack>
  );
}
