import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { preloadOnIntent } from '../../app/pages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { useCan } from '../auth/useMe';
import { CustomerListToolbar } from './CustomerListToolbar';
import { CustomerTable } from './CustomerTable';
import { DeletedCustomerNotice } from './DeletedCustomerNotice';
import { filterParams, useCountCustomersQuery, useListCustomersInfiniteQuery } from './customersApi';
import { sortFrom } from './listArgs';
import { searchable, shortSearchHint } from '../../lib/search';
import { showing } from '../../lib/showing';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

// the import's dialog comes on intent (the pointer, a touch or the focus on Import), as the new-customer form does, and
// the export button (managers' and admins' only) when the list shows: the others' first visits carry neither
const loadFileActions = () => import('./fileActions');
const ImportCustomersDialog = lazy(() => loadFileActions().then((m) => ({ default: m.ImportCustomersDialog })));
const ExportButtons = lazy(() => loadFileActions().then((m) => ({ default: m.ExportButtons })));

/** Customers, 50 at a time by keyset cursor; search, filters (tag, owner) and sort live in the URL. */
export default function CustomersListPage() {
  const [params, setParams] = useSearchParams();
  const sort = sortFrom(params.get('sort'));
  const [search, setSearch] = useState(params.get('q') ?? '');
  // too short to search: not sent (the search box says so)
  const q = searchable(useDebouncedValue(search));
  const [tagInput, setTagInput] = useState(params.get('tag') ?? '');
  const tag = useDebouncedValue(tagInput).trim().toLowerCase();
  const owner = params.get('owner') ?? '';
  const canCreate = useCan('writeCustomers');
  const canImport = useCan('importCustomers');
  const canExport = useCan('exportCustomers');
  const [importing, setImporting] = useState(false);

  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, isFetchNextPageError } =
    useListCustomersInfiniteQuery({ q, sort, tag, owner });
  const customers = data?.pages.flatMap((page) => page.items) ?? [];
  const { data: total } = useCountCustomersQuery({ q, tag, owner }, { skip: !hasNextPage });
  // a failed search shows no rows: the last search's would read as its answer
  const searchFailed = Boolean(error) && !isFetchNextPageError;
  // every customer the list's search and filters match, in its order
  const exportPath = `/customers/export?${new URLSearchParams(filterParams({ q, sort, tag, owner })).toString()}`;

  const updateParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h1">
          Customers
        </Typography>
        {/* on a phone the buttons go below the heading rather than wrap their names */}
        <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
          {canImport && (
            <Button
              variant="outlined"
              onClick={() => setImporting(true)}
              onPointerEnter={() => void loadFileActions()}
              onTouchStart={() => void loadFileActions()}
              onFocus={() => void loadFileActions()}
            >
              Import
            </Button>
          )}
          {canCreate && (
            <Button variant="contained" component={RouterLink} to="/customers/new" {...preloadOnIntent('/customers/new')}>
              New customer
            </Button>
          )}
        </Stack>
      </Stack>
      <DeletedCustomerNotice />
      {importing && (
        <Suspense fallback={null}>
          <ImportCustomersDialog onClose={() => setImporting(false)} />
        </Suspense>
      )}
      <CustomerListToolbar
        search={search}
        searchHint={shortSearchHint(search, 'search customers')}
        onSearchChange={(value) => {
          setSearch(value);
          updateParam('q', value.trim());
        }}
        tag={tagInput}
        onTagChange={(value) => {
          setTagInput(value);
          updateParam('tag', value.trim().toLowerCase());
        }}
        owner={owner}
        onOwnerChange={(value) => updateParam('owner', value)}
        sort={sort}
        onSortChange={(value) => updateParam('sort', value === 'created' ? '' : value)}
      />
      {error && <ErrorAlert error={error} />}
      {isLoading ? (
        <PageLoading label="Loading customers" />
      ) : searchFailed ? null : (
        <>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            sx={{ justifyContent: 'space-between', alignItems: { xs: 'flex-start', sm: 'center' }, gap: 1 }}
          >
            <Typography variant="body2" color="text.secondary" role="status" aria-busy={isFetching}>
              {customers.length === 0 && !isFetching
                ? q
                  ? `No customers match “${q}”${tag || owner ? ' with these filters' : ''}.`
                  : tag || owner
                    ? 'No customers match these filters.'
                    : 'No customers yet.'
                : showing(customers.length, hasNextPage, total, 'customer')}
            </Typography>
            {canExport && customers.length > 0 && (
              <Suspense fallback={null}>
                <ExportButtons what="customers" path={exportPath} formats={['csv']} />
              </Suspense>
            )}
          </Stack>
          {customers.length > 0 && (
            <CustomerTable
              customers={customers}
              sort={sort}
              onSortChange={(value) => updateParam('sort', value === 'created' ? '' : value)}
              loading={isFetching && !isFetchingNextPage}
            />
          )}
          <LoadMoreButton
            hasMore={hasNextPage}
            loading={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}
