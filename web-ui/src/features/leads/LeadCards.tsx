import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatMoney } from '../../lib/format';
import { STATUS_COLORS, STATUS_LABELS } from './labels';
import type { Lead } from './types';

interface Props {
  leads: readonly Lead[];
  showAssignee: boolean;
  /** Off where the page is the customer's own. */
  showCustomer?: boolean;
}

/** Narrow screens (and a customer's page): one card per lead, the facts that matter on the move. */
export function LeadCards({ leads, showAssignee, showCustomer = true }: Props) {
  return (
    <Stack component="ul" aria-label="Leads" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {leads.map((lead) => (
        <LeadCardItem key={lead.id} lead={lead} showAssignee={showAssignee} showCustomer={showCustomer} />
      ))}
    </Stack>
  );
}

const LeadCardItem = memo(function LeadCardItem({ lead, showAssignee, showCustomer }: Omit<Props, 'leads'> & { lead: Lead }) {
  return (
    <Paper component="li" sx={{ p: 1.5 }} data-id={lead.id}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Link component={RouterLink} to={`/leads/${lead.id}`} sx={{ wordBreak: 'break-word', fontWeight: 500 }}>
          {lead.title}
        </Link>
        <Chip size="small" label={STATUS_LABELS[lead.status]} color={STATUS_COLORS[lead.status]} variant="outlined" />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {[
          showCustomer ? lead.customerName : null,
          formatMoney(lead.value, lead.currency),
          lead.score === null ? null : `Score ${lead.score}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {showAssignee && (
        <Typography variant="body2" color="text.secondary">
          {lead.assigneeName ?? 'Unassigned'}
        </Typography>
      )}
    </Paper>
  );
});
