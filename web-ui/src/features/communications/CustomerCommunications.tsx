import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { SafeHtml } from '../notes/SafeHtml';
import type { CustomerRef } from '../notes/types';
import { mayLogCommunication } from './access';
import { CommunicationForm } from './CommunicationForm';
import { useListCommunicationsInfiniteQuery } from './communicationsApi';
import { durationOf, kindOf } from './labels';
import type { Communication } from './types';

function details(entry: Communication): string {
  return [
    formatDateTime(entry.occurredAt),
    durationOf(entry.durationMinutes),
    entry.participants.length ? `with ${entry.participants.join(', ')}` : '',
    `logged by ${entry.loggedByName}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The customer's communication log, latest first, and the form to log one for those who may. */
export function CustomerCommunications({ customer }: { customer: CustomerRef }) {
  const canRead = useCan('viewCommunications');
  const { data: me } = useGetMeQuery();
  const [formOpen, setFormOpen] = useState(false);
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } =
    useListCommunicationsInfiniteQuery(customer.id, { skip: !canRead });
  if (!canRead) return null;
  const entries = data?.pages.flatMap((page) => page.items) ?? [];
  const canLog = mayLogCommunication(me, customer);

  return (
    <Section
      title="Communications"
      action={canLog && !formOpen && (
        <Button variant="outlined" onClick={() => setFormOpen(true)}>
          Log communication
        </Button>
      )}
    >
      {canLog && formOpen && <CommunicationForm customerId={customer.id} onDone={() => setFormOpen(false)} />}
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading communications" />}
      {!isLoading && !error && entries.length === 0 && (
        <Typography color="text.secondary">No communications logged yet.</Typography>
      )}
      {entries.length > 0 && (
        <Paper>
          <List aria-label="Communications">
            {entries.map((entry) => (
              <ListItem key={entry.id} divider sx={{ display: 'block', py: 1.5 }}>
                <Typography component="h3" variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>
                  {kindOf(entry)}: {entry.subject}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                  {details(entry)}
                </Typography>
                {entry.body && <SafeHtml html={entry.body} />}
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="Older communications"
      />
    </Section>
  );
}
