import Button from '@mui/material/Button';
import { lazy, Suspense } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { RecordColumns } from '../../components/RecordColumns';
import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayChange } from './access';
import { CustomerFacts } from './CustomerFacts';
import { DeleteCustomerButton } from './DeleteCustomerButton';
import { OwnerPicker } from './OwnerPicker';
import { useGetCustomerQuery } from './customersApi';

// The sections below the facts load on their own: the page's chunk (preloaded while the list is idle) stays small
// enough for the first visit's JavaScript budget.
const CustomerLeads = lazy(() => import('../leads/CustomerLeads').then((m) => ({ default: m.CustomerLeads })));
const FollowUpsSection = lazy(() => import('../followups/FollowUpsSection').then((m) => ({ default: m.FollowUpsSection })));
const CustomerNotes = lazy(() => import('../notes/CustomerNotes').then((m) => ({ default: m.CustomerNotes })));
const CustomerCommunications = lazy(() =>
  import('../communications/CustomerCommunications').then((m) => ({ default: m.CustomerCommunications })),
);
const DocumentsSection = lazy(() => import('../documents/DocumentsSection').then((m) => ({ default: m.DocumentsSection })));
const CustomerTimeline = lazy(() =>
  import('../activities/CustomerTimeline').then((m) => ({ default: m.CustomerTimeline })),
);
const FieldHistory = lazy(() => import('../history/FieldHistory').then((m) => ({ default: m.FieldHistory })));
const PaymentsPanel = lazy(() => import('../payments/sections').then((m) => ({ default: m.PaymentsPanel })));

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { data: customer, error, isLoading } = useGetCustomerQuery(id);
  const { data: me } = useGetMeQuery();
  const canEdit = useCan('writeCustomers');
  const canAssign = useCan('assignCustomers');

  if (isLoading) return <PageLoading label="Loading customer" />;
  if (!customer) return <ErrorAlert error={error} />;
  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1" sx={{ wordBreak: 'break-word' }}>
          {customer.name}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {canEdit && mayChange(me, customer) && (
            <Button variant="contained" component={RouterLink} to={`/customers/${customer.id}/edit`}>
              Edit
            </Button>
          )}
          <DeleteCustomerButton customer={customer} />
        </Stack>
      </Stack>
      {canEdit && !mayChange(me, customer) && (
        // a sales user reads every customer but changes their own: say why Edit and Add note are not offered
        <Typography variant="body2" color="text.secondary" role="note">
          Only {customer.ownerName || 'its owner'}, a manager or an admin may change this customer.
        </Typography>
      )}
      <RecordColumns
        side={
          <>
            <CustomerFacts customer={customer} owner={canAssign ? <OwnerPicker customer={customer} /> : undefined} />
            <Suspense fallback={null}>
              <CustomerLeads customerId={customer.id} />
              <FollowUpsSection customerId={customer.id} />
              {/* a sales user records payments for the customers they own (payments' record-level rule) */}
              <PaymentsPanel customerId={customer.id} mayRecordHere={mayChange(me, customer)} />
              <DocumentsSection customerId={customer.id} ownerId={customer.ownerId} />
            </Suspense>
          </>
        }
        main={
          <Suspense fallback={null}>
            <CustomerNotes customer={customer} />
            <CustomerCommunications customer={customer} />
            <CustomerTimeline customerId={customer.id} />
            <FieldHistory resource="customers" id={customer.id} version={customer.version} />
          </Suspense>
        }
      />
    </Stack>
  );
}
