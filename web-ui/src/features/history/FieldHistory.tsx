import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { actorText, fieldLabel, recordEvent, valueText } from './describeChange';
import { useListHistoryInfiniteQuery, type FieldChange, type HistoryResource } from './historyApi';

interface Props {
  resource: HistoryResource;
  id: string;
  /** The record's current version: when it changes, the history is read again. */
  version: number;
  /** How this kind of record names a field's value (a payment's amounts in its currency); else the generic wording. */
  describeValue?: ValueDescriber;
}

/** A value as people read it, or undefined for the generic wording. */
export type ValueDescriber = (field: string, value: string) => string | undefined;

function Change({ change, describeValue }: { change: FieldChange; describeValue?: ValueDescriber }) {
  const text = (value: string | null) =>
    (value !== null && value !== '' && describeValue?.(change.field, value)) || valueText(value, change.field);
  const event = recordEvent(change);
  const primary = event ?? (
    <>
      <Box component="span" sx={{ fontWeight: 500 }}>
        {fieldLabel(change.field)}
      </Box>
      {': '}
      {text(change.oldValue)} → {text(change.newValue)}
    </>
  );
  return (
    <ListItem divider>
      <ListItemText
        primary={primary}
        secondary={`${formatDateTime(change.changedAt)} · ${actorText(change)}`}
        slotProps={{ primary: { sx: { wordBreak: 'break-word' } } }}
      />
    </ListItem>
  );
}

/** Who changed which field of the record, when, from what to what; newest first, older entries on demand. */
export function FieldHistory({ resource, id, version, describeValue }: Props) {
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } = useListHistoryInfiniteQuery({
    resource,
    id,
    version,
  });
  const changes = data?.pages.flatMap((page) => page.items) ?? [];
  // a page may show two histories at once (a payment's in a dialog over its customer's)
  return (
    <Section title="History">
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading history" />}
      {!isLoading && !error && changes.length === 0 && (
        <Typography color="text.secondary">No changes recorded yet.</Typography>
      )}
      {changes.length > 0 && (
        <Paper>
          <List aria-label="History">
            {changes.map((change) => (
              <Change key={change.id} change={change} describeValue={describeValue} />
            ))}
          </List>
        </Paper>
      )}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="Older changes"
      />
    </Section>
  );
}
