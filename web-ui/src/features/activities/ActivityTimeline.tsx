import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { FeedEntry, TimelineEntry } from './ActivityEntry';
import { activitiesApi, useListActivitiesInfiniteQuery } from './activitiesApi';
import { useTimelinePolling } from './catchUp';
import { KindFilter } from './KindFilter';
import { shownKinds } from './kinds';
import type { TimelineKind } from './timelineApi';

/** What an entry about a lead can be. */
const LEAD_KINDS: readonly TimelineKind[] = ['lead', 'note', 'follow-up', 'payment', 'score'];

interface Props {
  customerId?: string;
  /** Only the entries about this lead (of the customer's). */
  leadId?: string;
  title: string;
  untitled?: boolean;
  /** Beside the section's title (e.g. a link to the whole timeline). */
  action?: ReactNode;
}

/**
 * Newest first, narrowed by kind (none chosen: every kind but scores); a customer's entries (or a lead's of them), or
 * the whole feed without one. {@code title} heads a section of a page, or with {@code untitled} only names the list (the
 * page's own heading says what it is).
 */
export function ActivityTimeline({ customerId, leadId, title, untitled = false, action }: Props) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  // Activities arrive from other services' events a moment after the change: poll while the page is in view, fast
  // right after the user's own change.
  // absent filters are left out of the query and of its cache key alike
  const args = { customerId, leadId, kinds: shownKinds(kinds, leadId ? LEAD_KINDS : undefined) };
  const pollingInterval = useTimelinePolling((state) => activitiesApi.endpoints.listActivities.select(args)(state).data);
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } = useListActivitiesInfiniteQuery(
    args,
    { pollingInterval, skipPollingIfUnfocused: true },
  );
  const activities = data?.pages.flatMap((page) => page.items) ?? [];

  const body = (
    <>
      <KindFilter kinds={leadId ? LEAD_KINDS : undefined} selected={kinds} onChange={setKinds} />
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading activity" />}
      {!isLoading && !error && activities.length === 0 && (
        <Typography color="text.secondary">{kinds.length > 0 ? 'Nothing of these kinds yet.' : 'No activity yet.'}</Typography>
      )}
      {activities.length > 0 && (
        <Paper>
          <List aria-label={title}>
            {activities.map((activity) =>
              customerId ? (
                <TimelineEntry key={activity.id} activity={activity} />
              ) : (
                <FeedEntry key={activity.id} activity={activity} />
              ),
            )}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="Older activity"
      />
    </>
  );
  return untitled ? <Stack spacing={1}>{body}</Stack> : <Section title={title} action={action}>{body}</Section>;
}
