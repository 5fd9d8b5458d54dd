import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type DragEvent } from 'react';
import { describeError } from '../../api/problem';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { formatCount, formatMoney } from '../../lib/format';
import { BoardCard } from './BoardCard';
import { LEAD_DRAG_TYPE } from './dragData';
import { STATUS_LABELS } from './labels';
import { useLazyListLeadsPageQuery } from './leadsApi';
import type { BoardArgs, BoardColumn, Lead, LeadStatus } from './types';

interface Props {
  column: BoardColumn;
  args: BoardArgs;
  onMove: ((lead: Lead, to: LeadStatus) => void) | null;
  /** The lead being dragged (a drop names only its id). */
  dragged: () => Lead | null;
  onPick: (lead: Lead) => void;
  showAssignee: boolean;
}

/** One status: its count and sums per currency, its cards, more cards on demand, and a drop target. */
export function BoardColumnView({ column, args, onMove, dragged, onPick, showAssignee }: Props) {
  const [more, setMore] = useState<{ items: Lead[]; cursor: string | null }>({ items: [], cursor: column.nextCursor });
  const [over, setOver] = useState(false);
  const [loadPage, { isFetching, error }] = useLazyListLeadsPageQuery();
  const titleId = `board-column-${column.status}`;
  const leads = [...column.items, ...more.items];

  const loadMore = async () => {
    if (!more.cursor) return;
    const page = await loadPage({ ...args, status: column.status, cursor: more.cursor }).unwrap();
    setMore((current) => ({ items: [...current.items, ...page.items], cursor: page.nextCursor }));
  };

  const accepts = (event: DragEvent) => Boolean(onMove) && event.dataTransfer.types.includes(LEAD_DRAG_TYPE);

  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      data-status={column.status}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const lead = dragged();
        if (!onMove || !lead || lead.id !== event.dataTransfer.getData(LEAD_DRAG_TYPE)) return;
        event.preventDefault();
        onMove(lead, column.status);
      }}
      sx={{
        p: 1,
        bgcolor: over ? 'action.selected' : 'grey.50',
        outline: over ? '2px dashed' : 'none',
        outlineColor: 'primary.main',
        minWidth: 0,
      }}
    >
      <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {STATUS_LABELS[column.status]} ({formatCount(column.count)})
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, minHeight: '1.5em' }}>
        {column.totals.length === 0
          ? 'No value'
          : column.totals.map((total) => formatMoney(total.value, total.currency)).join(' · ')}
      </Typography>
      <Stack component="ul" spacing={1} aria-labelledby={titleId} sx={{ p: 0, m: 0 }}>
        {leads.map((lead) => (
          <BoardCard key={lead.id} lead={lead} onMove={onMove} onPick={onPick} showAssignee={showAssignee} />
        ))}
      </Stack>
      {error ? (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {describeError(error)}
        </Alert>
      ) : null}
      <Stack sx={{ mt: 1 }}>
        <LoadMoreButton
          hasMore={Boolean(more.cursor)}
          loading={isFetching}
          onClick={() => void loadMore().catch(() => undefined)}
          label={`More ${STATUS_LABELS[column.status].toLowerCase()} leads`}
        />
      </Stack>
    </Paper>
  );
}
