import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { useTimelinePolling } from './catchUp';
import {
  TIMELINE_KINDS,
  timelineApi,
  useGetTimelineInfiniteQuery,
  type TimelineEntry,
  type TimelineKind,
} from './timelineApi';

const KIND_LABELS: Record<string, string> = {
  customer: 'Customer',
  lead: 'Leads',
  note: 'Notes',
  document: 'Documents',
  communication: 'Communications',
  'follow-up': 'Follow-ups',
  payment: 'Payments',
  score: 'Scores',
};

function actorOf({ actorId, actorName }: TimelineEntry): string {
  if (actorId === 'system') return '';
  return `by ${actorName ?? actorId}`;
}

/**
 * Everything that happened to the customer, from every service's events, newest first, narrowed by kind (none
 * chosen: every kind). Entries arrive a moment after the change: it polls while the page is in view, fast right
 * after the user's own change.
 */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const args = { customerId, kinds };
  const pollingInterval = useTimelinePolling((state) => timelineApi.endpoints.getTimeline.select(args)(state).data);
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } = useGetTimelineInfiniteQuery(
    args,
    { pollingInterval, skipPollingIfUnfocused: true },
  );
  const entries = data?.pages.flatMap((page) => page.items) ?? [];
  const toggle = (kind: TimelineKind) =>
    setKinds((current) =>
      current.includes(kind) ? current.filter((each) => each !== kind) : TIMELINE_KINDS.filter((each) => each === kind || current.includes(each)),
    );

  return (
    <Section title="Activity">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Show only">
        {TIMELINE_KINDS.map((kind) => {
          const selected = kinds.includes(kind);
          return (
            <Chip
              key={kind}
              label={KIND_LABELS[kind]}
              clickable
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'filled' : 'outlined'}
              aria-pressed={selected}
              onClick={() => toggle(kind)}
            />
          );
        })}
      </Stack>
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
                  secondary={[formatDateTime(entry.occurredAt), KIND_LABELS[entry.kind] ?? entry.kind, actorOf(entry)]
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
