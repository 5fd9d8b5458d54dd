import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayClose } from './access';
import { FollowUpItem } from './FollowUpItem';
import {
  useCancelFollowUpMutation,
  useCompleteFollowUpMutation,
  useListFollowUpsInfiniteQuery,
} from './followUpsApi';
import type { FollowUpListArgs } from './types';

interface Props {
  args: FollowUpListArgs;
  /** The list's accessible name. */
  label: string;
  empty: string;
  showCustomer?: boolean;
}

/** Follow-ups soonest due first, each with Done and Cancel for those who may close it. */
export function FollowUpList({ args, label, empty, showCustomer }: Props) {
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } =
    useListFollowUpsInfiniteQuery(args);
  const { data: me } = useGetMeQuery();
  const canClose = useCan('closeFollowUps');
  const [complete, completing] = useCompleteFollowUpMutation();
  const [cancel, cancelling] = useCancelFollowUpMutation();
  const followUps = data?.pages.flatMap((page) => page.items) ?? [];
  const [now] = useState(Date.now);
  const closeError = completing.error ?? cancelling.error;

  return (
    <Stack spacing={1}>
      {error && <ErrorAlert error={error} />}
      {closeError && <ErrorAlert error={closeError} />}
      {isLoading && <PageLoading label={`Loading ${label.toLowerCase()}`} />}
      {!isLoading && !error && followUps.length === 0 && <Typography color="text.secondary">{empty}</Typography>}
      {followUps.length > 0 && (
        <Paper>
          <List aria-label={label} disablePadding>
            {followUps.map((followUp) => (
              <FollowUpItem
                key={followUp.id}
                followUp={followUp}
                now={now}
                showCustomer={showCustomer}
                showLead={!args.leadId}
                canClose={canClose && mayClose(me?.roles ?? [], me?.id, followUp)}
                busy={completing.isLoading || cancelling.isLoading}
                onComplete={(item) => {
                  cancelling.reset();
                  void complete(item).unwrap().catch(() => undefined);
                }}
                onCancel={(item) => {
                  completing.reset();
                  void cancel(item).unwrap().catch(() => undefined);
                }}
              />
            ))}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="More follow-ups"
      />
    </Stack>
  );
}
