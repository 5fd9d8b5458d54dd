import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { useCan } from '../auth/useMe';
import { LeadCards } from './LeadCards';
import { useListCustomerLeadsInfiniteQuery } from './leadsApi';

/** The customer page's leads: each with its status, value, score and assignee, newest first; a new one from here. */
export function CustomerLeads({ customerId }: { customerId: string }) {
  const mayView = useCan('viewLeads');
  const mayCreate = useCan('writeLeads');
  const list = useListCustomerLeadsInfiniteQuery(customerId, { skip: !mayView });

  if (!mayView) return null;
  const leads = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section
      title="Leads"
      action={mayCreate && (
        <Button variant="outlined" component={RouterLink} to={`/leads/new?customerId=${encodeURIComponent(customerId)}`}>
          New lead
        </Button>
      )}
    >
      {list.error && <ErrorAlert error={list.error} />}
      {list.isLoading && <PageLoading label="Loading leads" />}
      {!list.isLoading && !list.error && leads.length === 0 && <Typography color="text.secondary">No leads yet.</Typography>}
      {leads.length > 0 && <LeadCards leads={leads} showAssignee showCustomer={false} />}
      <LoadMoreButton
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
        label="More leads"
      />
    </Section>
  );
}
