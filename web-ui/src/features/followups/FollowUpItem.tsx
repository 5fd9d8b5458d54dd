import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../lib/format';
import type { FollowUp } from './types';

const STATUS_LABELS = { OPEN: 'Open', DONE: 'Done', CANCELLED: 'Cancelled' } as const;

interface Props {
  followUp: FollowUp;
  /** When the list was loaded (ms since the epoch): what was due before it shows as overdue. */
  now: number;
  /** On pages listing several customers' follow-ups: link each to its customer. */
  showCustomer?: boolean;
  /** Whether to name the lead it is about (not on the lead's own page). */
  showLead?: boolean;
  canClose: boolean;
  busy: boolean;
  onComplete: (followUp: FollowUp) => void;
  onCancel: (followUp: FollowUp) => void;
}

export function FollowUpItem({ followUp, now, showCustomer, showLead = true, canClose, busy, onComplete, onCancel }: Props) {
  const overdue = followUp.status === 'OPEN' && new Date(followUp.dueAt).getTime() < now;
  return (
    <ListItem divider sx={{ display: 'block' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography component="p" sx={{ fontWeight: 500, wordBreak: 'break-word' }}>
            {followUp.title}
          </Typography>
          <Typography component="p" variant="body2" color="text.secondary">
            Due {formatDateTime(followUp.dueAt)} · {followUp.assigneeName ?? followUp.assignee}
            {showLead && followUp.leadId && followUp.leadTitle && (
              <>
                {' · Lead '}
                <Link component={RouterLink} to={`/leads/${encodeURIComponent(followUp.leadId)}`}>
                  {followUp.leadTitle}
                </Link>
              </>
            )}
          </Typography>
          {showCustomer && (
            <Link component={RouterLink} to={`/customers/${encodeURIComponent(followUp.customerId)}`} variant="body2">
              {followUp.customerName ?? 'Customer'}
            </Link>
          )}
          {followUp.notes && (
            <Typography component="p" variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', mt: 0.5 }}>
              {followUp.notes}
            </Typography>
          )}
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', flexShrink: 0 }}>
          {overdue && <Chip size="small" color="error" label="Overdue" />}
          {followUp.status !== 'OPEN' && <Chip size="small" label={STATUS_LABELS[followUp.status]} />}
          {canClose && (
            <>
              <Button
                size="small"
                variant="contained"
                disabled={busy}
                aria-label={`Mark “${followUp.title}” done`}
                onClick={() => onComplete(followUp)}
              >
                Done
              </Button>
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                aria-label={`Cancel “${followUp.title}”`}
                onClick={() => onCancel(followUp)}
              >
                Cancel
              </Button>
            </>
          )}
        </Stack>
      </Stack>
    </ListItem>
  );
}
