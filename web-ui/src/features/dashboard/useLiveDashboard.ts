import { useEffect } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { dashboardApi } from './dashboardApi';
import type { DashboardSummary } from './types';

/** reporting-service's server-sent events (GET /api/v1/reports/stream): what changed, as the caller may see it. */
export const DASHBOARD_STREAM_URL = '/api/v1/reports/stream';

/** The tags to fetch again when the stream names these datasets as changed. */
function staleTags(datasets: string[]) {
  const tags: { type: 'Report' | 'Activity' | 'FollowUp'; id?: string }[] = [
    { type: 'Report', id: 'query' },
    { type: 'Report', id: 'funnel' },
    { type: 'Report', id: 'revenue' },
    { type: 'Report', id: 'sales-performance' },
  ];
  if (datasets.includes('activities')) tags.push({ type: 'Activity' });
  if (datasets.includes('follow-ups')) tags.push({ type: 'FollowUp' });
  return tags;
}

/**
 * Keeps an open dashboard current without a reload: the headline figures arrive in the stream itself, and each
 * change of the read models refetches the widgets and reports on screen. EventSource reconnects on its own (with
 * Last-Event-ID; the service answers with the current figures); the widgets' slow polling covers a closed stream.
 */
export function useLiveDashboard(): void {
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const stream = new EventSource(DASHBOARD_STREAM_URL);
    stream.addEventListener('dashboard', (event) => {
      const summary = JSON.parse((event as MessageEvent<string>).data) as DashboardSummary;
      dispatch(dashboardApi.util.upsertQueryData('getDashboard', undefined, summary));
    });
    stream.addEventListener('changed', (event) => {
      const { datasets } = JSON.parse((event as MessageEvent<string>).data) as { datasets: string[] };
      dispatch(dashboardApi.util.invalidateTags(staleTags(datasets)));
    });
    return () => stream.close();
  }, [dispatch]);
}
