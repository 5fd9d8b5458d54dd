import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { Link as RouterLink } from 'react-router';
import { preloadOnIntent } from '../../app/pages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { shortSearchHint } from '../../lib/search';
import { showing } from '../../lib/showing';
import { useCan } from '../auth/useMe';
import { LeadCards } from './LeadCards';
import { LeadFilters } from './LeadFilters';
import { LeadTable } from './LeadTable';
import { useCountLeadsQuery, useListLeadsInfiniteQuery } from './leadsApi';
import { leadListArgsFrom } from './listArgs';
import { useLeadFilters } from './useLeadFilters';

/** Leads, 50 at a time by keyset cursor; filters, search and sort live in the URL. Sales users see their own. */
export default function LeadsListPage() {
  const { params, ownOnly, search, onSearchChange, setParam } = useLeadFilters();
  const args = leadListArgsFrom(params, ownOnly);
  const canCreate = useCan('writeLeads');
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('md'), { noSsr: true });

  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, isFetchNextPageError } =
    useListLeadsInfiniteQuery(args);
  const leads = data?.pages.flatMap((page) => page.items) ?? [];
  const { status, assignee, source, q } = args;
  const { data: total } = useCountLeadsQuery({ status, assignee, source, q }, { skip: !hasNextPage });
  // a failed search shows no rows: the last search's would read as its answer
  const searchFailed = Boolean(error) && !isFetchNextPageError;
  const filtered = Boolean(args.q || args.status || args.source || (args.assignee && !ownOnly));

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {ownOnly ? 'My leads' : 'Leads'}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" component={RouterLink} to="/leads/board">
            Board
          </Button>
          {canCreate && (
            <Button variant="contained" component={RouterLink} to="/leads/new" {...preloadOnIntent('/leads/new')}>
              New lead
            </Button>
          )}
        </Stack>
      </Stack>
      <LeadFilters
        search={search}
        onSearchChange={onSearchChange}
        searchHint={shortSearchHint(params.get('q') ?? '', 'search leads')}
        values={{ status: args.status, assignee: args.assignee, source: args.source, sort: args.sort }}
        onChange={(name, value) => setParam(name, name === 'sort' && value === 'created' ? '' : value)}
        ownOnly={ownOnly}
      />
      {error && <ErrorAlert error={error} />}
      {isLoading ? (
        <PageLoading label="Loading leads" />
      ) : searchFailed ? null : (
        <>
          <Typography variant="body2" color="text.secondary" role="status" aria-busy={isFetching}>
            {leads.length === 0 && !isFetching
              ? filtered
                ? 'No leads match these filters.'
                : 'No leads yet.'
              : showing(leads.length, hasNextPage, total, 'lead')}
          </Typography>
          {leads.length > 0 &&
            (narrow ? (
              <LeadCards leads={leads} showAssignee={!ownOnly} />
            ) : (
              <LeadTable
                leads={leads}
                sort={args.sort}
                onSortChange={(value) => setParam('sort', value === 'created' ? '' : value)}
                loading={isFetching && !isFetchingNextPage}
                showAssignee={!ownOnly}
              />
            ))}
          <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onClick={() => void fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}
