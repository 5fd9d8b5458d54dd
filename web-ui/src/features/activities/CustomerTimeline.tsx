import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { useTimelinePolling } from './catchUp';
import { KindFilter } from './KindFilter';
import { kindLabel, shownKinds } from './kinds';
import { timelineApi, useGetTimelineInfiniteQuery, type TimelineEntry, type TimelineKind } from './timelineApi';

function actorOf({ actorId, actorName }: TimelineEntry): string {
  if (actorId === 'system') return '';
  return `by ${actorName ?? actorId}`;
}

/**
 * Everything that happened to the customer, from every service's events, newest first, narrowed by kind (none
 * chosen: every kind but scores). Entries arrive a moment after the change: it polls while the page is in view, fast right
 * after the user's own change.
 */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const args = { customerId, kinds: shownKinds(kinds) };
  const pollingInterval = useTimelinePolling((state) => timelineApi.endpoints.getTimeline.select(args)(state).data);
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } = useGetTimelineInfiniteQuery(
    args,
    { pollingInterval, skipPollingIfUnfocused: true },
  );
  const entries = data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title="Activity">
      <KindFilter selected={kinds} onChange={setKinds} />
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading activity" />}
      {!isLoading && !error && entries.length === 0 && (
        <Typography color="text.secondary">{kinds.length > 0 ? 'Nothing of these kinds yet.' : 'No activity yet.'}</Typography>
      )}
      {entries.length > 0 && (
        <Paper>
          <List aria-label="Activity">
            {entries.map((entry) => (
              <ListItem key={entry.id} divider>
                <ListItemText
                  primary={entry.summary || entry.type}
                  secondary={[formatDateTime(entry.occurredAt), kindLabel(entry.kind), actorOf(entry)]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="Older activity"
      />
    </Section>
  );
}
