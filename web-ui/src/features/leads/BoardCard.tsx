import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatMoney } from '../../lib/format';
import { MoveMenu } from './MoveMenu';
import { LEAD_DRAG_TYPE } from './dragData';
import type { Lead, LeadStatus } from './types';


interface Props {
  lead: Lead;
  /** Null when the user may not change leads: the card neither drags nor offers a move. */
  onMove: ((lead: Lead, to: LeadStatus) => void) | null;
  onPick: (lead: Lead) => void;
  showAssignee: boolean;
}

/** A lead on the board: dragged with a pointer (HTML5 drag and drop), or moved with its "Move to…" menu. */
export const BoardCard = memo(function BoardCard({ lead, onMove, onPick, showAssignee }: Props) {
  return (
    <Paper
      component="li"
      variant="outlined"
      data-id={lead.id}
      draggable={Boolean(onMove)}
      onDragStart={(event) => {
        onPick(lead);
        event.dataTransfer.setData(LEAD_DRAG_TYPE, lead.id);
        event.dataTransfer.setData('text/plain', lead.title);
        event.dataTransfer.effectAllowed = 'move';
      }}
      sx={{ p: 1.5, cursor: onMove ? 'grab' : undefined, listStyle: 'none' }}
    >
      <Link component={RouterLink} to={`/leads/${lead.id}`} sx={{ fontWeight: 500, wordBreak: 'break-word' }}>
        {lead.title}
      </Link>
      <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
        {lead.customerName ?? '—'}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 0.5 }}>
        <Typography variant="body2">{formatMoney(lead.value, lead.currency)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {lead.score === null ? 'Not scored' : `Score ${lead.score}`}
        </Typography>
      </Stack>
      {showAssignee && (
        <Typography variant="body2" color="text.secondary">
          {lead.assigneeName ?? 'Unassigned'}
        </Typography>
      )}
      {onMove && <MoveMenu lead={lead} onMove={(to) => onMove(lead, to)} />}
    </Paper>
  );
});
