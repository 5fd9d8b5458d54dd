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

/** The first wait before opening again a stream the browser gave up on; it doubles up to the last. */
export const REOPEN_DELAYS_MS = { first: 2_000, last: 60_000 } as const;

/**
 * Keeps an open dashboard current without a reload: the headline figures arrive in the stream itself, and each
 * change of the read models refetches the widgets and reports on screen. EventSource reconnects on its own after a
 * dropped connection (with Last-Event-ID; the service answers with the current figures), but an HTTP error (a 503
 * while reporting-service starts or restarts, a 429) closes it for good: then it is opened again after a growing
 * wait, and what changed meanwhile is fetched again once it is back.
 */
export function useLiveDashboard(): void {
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let stream: EventSource;
    let reopening: ReturnType<typeof setTimeout> | undefined;
    let delay: number = REOPEN_DELAYS_MS.first;
    let missed = false;
    const open = () => {
      stream = new EventSource(DASHBOARD_STREAM_URL);
      stream.addEventListener('open', () => {
        delay = REOPEN_DELAYS_MS.first;
        if (missed) dispatch(dashboardApi.util.invalidateTags(staleTags(['activities', 'follow-ups'])));
        missed = false;
      });
      stream.addEventListener('dashboard', (event) => {
        const summary = JSON.parse((event as MessageEvent<string>).data) as DashboardSummary;
        dispatch(dashboardApi.util.upsertQueryData('getDashboard', undefined, summary));
      });
      stream.addEventListener('changed', (event) => {
        const { datasets } = JSON.parse((event as MessageEvent<string>).data) as { datasets: string[] };
        dispatch(dashboardApi.util.invalidateTags(staleTags(datasets)));
      });
      stream.addEventListener('error', () => {
        if (stream.readyState !== EventSource.CLOSED) return;
        missed = true;
        reopening = setTimeout(open, delay);
        delay = Math.min(delay * 2, REOPEN_DELAYS_MS.last);
      });
    };
    open();
    return () => {
      clearTimeout(reopening);
      stream.close();
    };
  }, [dispatch]);
}
