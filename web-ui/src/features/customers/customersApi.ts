import { baseApi } from '../../api/baseApi';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import type { Page } from '../../api/page';
import type { ListCount } from '../../lib/showing';
import type {
  Customer,
  CustomerInput,
  CustomerListArgs,
  DeletedCustomer,
  Owner,
} from './types';

export const CUSTOMER_PAGE_SIZE = 50;

/** The list's search, filters and sort as query parameters: its pages' and its export's. */
export function filterParams(args: CustomerListArgs): Record<string, string> {
  return { sort: args.sort, ...searchParams(args) };
}

/** The list's search and filters as query parameters: what its count counts. */
function searchParams({ q, tag = '', owner = '' }: Omit<CustomerListArgs, 'sort'>): Record<string, string> {
  const params: Record<string, string> = {};
  if (q.trim()) params.q = q.trim();
  if (tag.trim()) params.tag = tag.trim();
  if (owner) params.owner = owner;
  return params;
}

function listParams(args: CustomerListArgs, cursor: string): Record<string, string> {
  const params = { ...filterParams(args), size: String(CUSTOMER_PAGE_SIZE) };
  return cursor ? { ...params, cursor } : params;
}

/** Body of a write: an empty phone or company is sent as null (none). */
function body(input: CustomerInput) {
  return {
    name: input.name.trim(),
    email: input.email.trim(),
    phone: input.phone.trim() || null,
    company: input.company.trim() || null,
    tags: input.tags.map((tag) => tag.trim()).filter(Boolean),
  };
}

export const customersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    // Keyset pagination: each page is fetched with the previous page's nextCursor ("Load more").
    listCustomers: build.infiniteQuery<Page<Customer>, CustomerListArgs, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({ url: '/customers', params: listParams(queryArg, pageParam) }),
      providesTags: [{ type: 'Customer', id: 'LIST' }],
    }),
    // asked only when the list has more than a page: a shorter one counts itself
    countCustomers: build.query<ListCount, Omit<CustomerListArgs, 'sort'>>({
      query: (args) => ({ url: '/customers/count', params: searchParams(args) }),
      providesTags: [{ type: 'Customer', id: 'LIST' }],
    }),
    getCustomer: build.query<Customer, string>({
      query: (id) => `/customers/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Customer', id }],
    }),
    createCustomer: build.mutation<Customer, CustomerInput>({
      // One key per submit: the network layer's retry after a 429 reuses it, so the customer is created once.
      query: (input) => ({
        url: '/customers',
        method: 'POST',
        body: body(input),
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'Customer', id: 'LIST' }]),
    }),
    updateCustomer: build.mutation<Customer, CustomerInput & { id: string; version: number }>({
      query: ({ id, version, ...input }) => ({
        url: `/customers/${encodeURIComponent(id)}`,
        method: 'PUT',
        body: { ...body(input), version },
      }),
      // Not on failure: a conflict must not silently replace what the user typed.
      invalidatesTags: (_result, error, { id }) =>
        error
          ? []
          : [
              { type: 'Customer', id },
              { type: 'Customer', id: 'LIST' },
              { type: 'Activity', id },
            ],
    }),
    listOwners: build.query<Owner[], void>({
      query: () => '/customers/owners',
      keepUnusedDataFor: 300,
    }),
    setCustomerOwner: build.mutation<Customer, { id: string; owner: string }>({
      query: ({ id, owner }) => ({ url: `/customers/${encodeURIComponent(id)}/owner`, method: 'PUT', body: { owner } }),
      invalidatesTags: (_result, error, { id }) =>
        error
          ? []
          : [
              { type: 'Customer', id },
              { type: 'Customer', id: 'LIST' },
              { type: 'Activity', id },
            ],
    }),
    deleteCustomer: build.mutation<void, string>({
      query: (id) => ({ url: `/customers/${encodeURIComponent(id)}`, method: 'DELETE' }),
      // The deleted customer's own entry is not refetched (it would be a 404); the page navigates away.
      invalidatesTags: (_result, error) =>
        error
          ? []
          : [
              { type: 'Customer', id: 'LIST' },
              { type: 'Customer', id: 'DELETED' },
            ],
    }),
    listDeletedCustomers: build.infiniteQuery<Page<DeletedCustomer>, void, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ pageParam }) => ({
        url: '/customers/deleted',
        params: pageParam ? { size: String(CUSTOMER_PAGE_SIZE), cursor: pageParam } : { size: String(CUSTOMER_PAGE_SIZE) },
      }),
      providesTags: [{ type: 'Customer', id: 'DELETED' }],
    }),
    restoreCustomer: build.mutation<Customer, string>({
      query: (id) => ({ url: `/customers/${encodeURIComponent(id)}/restore`, method: 'POST' }),
      invalidatesTags: (_result, error, id) =>
        error
          ? []
          : [
              { type: 'Customer', id },
              { type: 'Customer', id: 'LIST' },
              { type: 'Customer', id: 'DELETED' },
              { type: 'Activity', id },
            ],
    }),
  }),
});

export const {
  useListCustomersInfiniteQuery,
  useCountCustomersQuery,
  useGetCustomerQuery,
  useCreateCustomerMutation,
  useUpdateCustomerMutation,
  useDeleteCustomerMutation,
  useListOwnersQuery,
  useSetCustomerOwnerMutation,
  useListDeletedCustomersInfiniteQuery,
  useRestoreCustomerMutation,
} = customersApi;
