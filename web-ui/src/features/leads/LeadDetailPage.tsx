import Button from '@mui/material/Button';
import { lazy, Suspense } from 'react';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { RecordColumns } from '../../components/RecordColumns';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { useCan } from '../auth/useMe';
import { useGetCustomerQuery } from '../customers/customersApi';
import { AssigneePicker } from './AssigneePicker';
import { STATUS_COLORS, STATUS_LABELS } from './labels';
import { LeadFacts } from './LeadFacts';
import { useGetLeadQuery } from './leadsApi';
import { ScorePanel } from './ScorePanel';
import { allowedFrom } from './transitions';
import type { LeadStatus } from './types';
import { useStatusChange } from './useStatusChange';

function actionLabel(from: LeadStatus, to: LeadStatus): string {
  if (to === 'IN_PROGRESS') return from === 'NEW' ? 'Start work' : 'Reopen';
  return to === 'CLOSED_WON' ? 'Mark won' : 'Mark lost';
}

// loads on its own, below the fold: the page's chunk is preloaded on every first visit
const FieldHistory = lazy(() => import('../history/FieldHistory').then((m) => ({ default: m.FieldHistory })));
const PaymentsPanel = lazy(() => import('../payments/sections').then((m) => ({ default: m.PaymentsPanel })));
const FollowUpsSection = lazy(() => import('../followups/FollowUpsSection').then((m) => ({ default: m.FollowUpsSection })));
const CustomerNotes = lazy(() => import('../notes/CustomerNotes').then((m) => ({ default: m.CustomerNotes })));
const LeadNotes = lazy(() => import('../notes/LeadNotes').then((m) => ({ default: m.LeadNotes })));

export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const { data: lead, error, isLoading } = useGetLeadQuery(id);
  const canWrite = useCan('writeLeads');
  const canAssign = useCan('assignLeads');
  const { move, moving, feedback, dialog } = useStatusChange();
  // its owner decides who may add notes to it
  const { data: customer } = useGetCustomerQuery(lead?.customerId ?? '', { skip: !lead });

  if (isLoading) return <PageLoading label="Loading lead" />;
  // a sales user opening someone else's lead gets a 404, like a lead that does not exist
  if (!lead) return <ErrorAlert error={error} />;
  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h5" component="h1" sx={{ wordBreak: 'break-word' }}>
            {lead.title}
          </Typography>
          <Chip label={STATUS_LABELS[lead.status]} color={STATUS_COLORS[lead.status]} />
        </Stack>
        {canWrite && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {allowedFrom(lead.status).map((to) => (
              <Button
                key={to}
                variant={to === 'CLOSED_LOST' ? 'outlined' : 'contained'}
                color={to === 'CLOSED_LOST' ? 'error' : to === 'CLOSED_WON' ? 'success' : 'primary'}
                disabled={moving}
                onClick={() => move(lead, to)}
              >
                {actionLabel(lead.status, to)}
              </Button>
            ))}
            <Button variant="outlined" component={RouterLink} to={`/leads/${lead.id}/edit`}>
              Edit
            </Button>
          </Stack>
        )}
      </Stack>
      {feedback}
      <RecordColumns
        side={
          <>
            <LeadFacts lead={lead} assignee={canAssign ? <AssigneePicker lead={lead} /> : (lead.assigneeName ?? 'Unassigned')} />
            <ScorePanel leadId={lead.id} />
            <Suspense fallback={null}>
              {/* whoever sees the lead (a sales user: its assignee) may record its payments */}
              <PaymentsPanel customerId={lead.customerId} leadId={lead.id} currency={lead.currency} mayRecordHere />
            </Suspense>
          </>
        }
        main={
          <>
            <Suspense fallback={null}>
              <FollowUpsSection customerId={lead.customerId} leadId={lead.id} />
              <LeadNotes leadId={lead.id} />
              {customer && <CustomerNotes customer={customer} name={customer.name} />}
            </Suspense>
            <ActivityTimeline
              customerId={lead.customerId}
              leadId={lead.id}
              title="Activity of this lead"
              action={
                <Button component={RouterLink} to={`/customers/${lead.customerId}`}>
                  Customer's timeline
                </Button>
              }
            />
            <Suspense fallback={null}>
              <FieldHistory resource="leads" id={lead.id} version={lead.version} />
            </Suspense>
          </>
        }
      />
      {dialog}
    </Stack>
  );
}
