import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import { preloadOnIntent } from '../../app/pages';
import { shortSearchHint } from '../../lib/search';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useCan } from '../auth/useMe';
import { BoardColumnView } from './BoardColumnView';
import { LeadFilters } from './LeadFilters';
import { useGetBoardQuery } from './leadsApi';
import { boardArgsFrom } from './listArgs';
import type { Lead, LeadStatus } from './types';
import { useLeadFilters } from './useLeadFilters';
import { useStatusChange } from './useStatusChange';

/**
 * The pipeline: a column per status with counts and sums. Moving a card (drag and drop, or its "Move to…" menu) is a
 * status change; lead-service decides, and a refused move says why.
 */
export default function LeadBoardPage() {
  const { params, ownOnly, search, onSearchChange, setParam } = useLeadFilters();
  const args = boardArgsFrom(params, ownOnly);
  const canWrite = useCan('writeLeads');
  const { data: board, error, isLoading, isFetching, fulfilledTimeStamp } = useGetBoardQuery(args);
  const { move, moving, feedback, dialog } = useStatusChange();
  const dragged = useRef<Lead | null>(null);

  const onMove = useCallback((lead: Lead, to: LeadStatus) => move(lead, to), [move]);
  // which card is dragged: its id travels in the drag data, the lead itself stays here
  const onPick = useCallback((lead: Lead) => (dragged.current = lead), []);
  const pick = useCallback(() => dragged.current, []);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          Pipeline
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" component={RouterLink} to="/leads">
            List
          </Button>
          {canWrite && (
            <Button variant="contained" component={RouterLink} to="/leads/new" {...preloadOnIntent('/leads/new')}>
              New lead
            </Button>
          )}
        </Stack>
      </Stack>
      <LeadFilters
        search={search}
        onSearchChange={onSearchChange}
        searchHint={shortSearchHint(params.get('q') ?? '', 'search the pipeline')}
        values={{ assignee: args.assignee, source: args.source }}
        onChange={setParam}
        ownOnly={ownOnly}
      />
      <Typography variant="body2" color="text.secondary" sx={{ display: { md: 'none' } }}>
        Swipe sideways for the other columns{canWrite && '; a card’s “Move to…” menu moves it'}.
      </Typography>
      {canWrite && (
        <Typography variant="body2" color="text.secondary" sx={{ display: { xs: 'none', md: 'block' } }}>
          Drag a card to another column, or use its “Move to…” menu.
        </Typography>
      )}
      {feedback}
      {error && <ErrorAlert error={error} />}
      <Box sx={{ height: 4 }}>{(isFetching || moving) && !isLoading && <LinearProgress aria-label="Updating the board" />}</Box>
      {isLoading && <PageLoading label="Loading the board" />}
      {board && (
        <Box
          // on a phone the columns sit side by side too, one in view at a time (swiped, snapping to each), rather than
          // one under the other: the last column began dozens of cards down
          role="group"
          aria-label="Pipeline columns"
          sx={{
            display: 'grid',
            gap: 1.5,
            gridAutoFlow: { xs: 'column', md: 'row' },
            gridAutoColumns: { xs: 'minmax(260px, 85%)', md: 'auto' },
            gridTemplateColumns: { md: 'repeat(4, minmax(200px, 1fr))' },
            overflowX: { xs: 'auto', md: 'visible' },
            scrollSnapType: { xs: 'x mandatory', md: 'none' },
            '& > *': { scrollSnapAlign: 'start' },
            pb: { xs: 1, md: 0 },
            alignItems: 'start',
          }}
        >
          {board.columns.map((column) => (
            <BoardColumnView
              // a fresh board (after a move or a filter) starts each column again from its first cards
              key={`${column.status}-${fulfilledTimeStamp}`}
              column={column}
              args={args}
              onMove={canWrite ? onMove : null}
              dragged={pick}
              onPick={onPick}
              showAssignee={!ownOnly}
            />
          ))}
        </Box>
      )}
      {dialog}
    </Stack>
  );
}
