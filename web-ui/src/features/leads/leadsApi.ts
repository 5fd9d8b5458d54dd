import { baseApi } from '../../api/baseApi';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import type { Page } from '../../api/page';
import { plainAmount } from '../../lib/amount';
import type { ListCount } from '../../lib/showing';
import type {
  Assignee,
  Board,
  BoardArgs,
  Lead,
  LeadInput,
  LeadListArgs,
  LeadScore,
  LeadStatus,
  NewLeadInput,
  ScorePoint,
} from './types';

export const LEAD_PAGE_SIZE = 50;
const CUSTOMER_LEADS_PAGE_SIZE = 10;

type Filters = Partial<Pick<LeadListArgs, 'status' | 'assignee' | 'source' | 'q' | 'sort'>>;

/** Only the filters that are set: '' means "any" and is not sent. */
function filterParams(filters: Filters, cursor = ''): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text) params[name] = text;
  }
  if (cursor) params.cursor = cursor;
  return params;
}

function body(input: LeadInput) {
  return {
    title: input.title.trim(),
    source: input.source,
    value: plainAmount(input.value),
    currency: input.currency.trim().toUpperCase(),
  };
}

const LIST = { type: 'Lead', id: 'LIST' } as const;

export const leadsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    // Keyset pagination: each page is fetched with the previous page's nextCursor ("Load more").
    listLeads: build.infiniteQuery<Page<Lead>, LeadListArgs, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: '/leads',
        params: { ...filterParams(queryArg, pageParam), size: String(LEAD_PAGE_SIZE) },
      }),
      providesTags: [LIST],
    }),
    // asked only when the list has more than a page: a shorter one counts itself
    countLeads: build.query<ListCount, Omit<LeadListArgs, 'sort'>>({
      query: (filters) => ({ url: '/leads/count', params: filterParams(filters) }),
      providesTags: [LIST],
    }),
    /** A customer's leads, newest first, as far as the caller may see them (the customer page's section). */
    listCustomerLeads: build.infiniteQuery<Page<Lead>, string, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg: customerId, pageParam }) => ({
        url: '/leads',
        params: { customerId, ...(pageParam ? { cursor: pageParam } : {}), size: String(CUSTOMER_LEADS_PAGE_SIZE) },
      }),
      providesTags: [LIST],
    }),
    /** One more page of a board column (the list in the column's order, from the column's cursor). */
    listLeadsPage: build.query<Page<Lead>, BoardArgs & { status: LeadStatus; cursor: string }>({
      query: ({ cursor, ...filters }) => ({ url: '/leads', params: filterParams(filters, cursor) }),
      providesTags: [LIST],
    }),
    getBoard: build.query<Board, BoardArgs>({
      query: (args) => ({ url: '/leads/board', params: filterParams(args) }),
      providesTags: [LIST],
    }),
    getLead: build.query<Lead, string>({
      query: (id) => `/leads/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Lead', id }],
    }),
    listAssignees: build.query<Assignee[], void>({
      query: () => '/leads/assignees',
    }),
    getLeadScore: build.query<LeadScore, string>({
      query: (id) => `/leads/${encodeURIComponent(id)}/score`,
      providesTags: (_result, _error, id) => [{ type: 'LeadScore', id }],
    }),
    getLeadScoreHistory: build.query<ScorePoint[], string>({
      query: (id) => `/leads/${encodeURIComponent(id)}/score/history`,
      providesTags: (_result, _error, id) => [{ type: 'LeadScore', id }],
    }),
    createLead: build.mutation<Lead, NewLeadInput>({
      // One key per submit: the network layer's retry after a 429 reuses it, so the lead is created once.
      query: ({ customerId, assignee, ...input }) => ({
        url: '/leads',
        method: 'POST',
        body: { customerId, ...body(input), ...(assignee ? { assignee } : {}) },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
      invalidatesTags: (_result, error) => (error ? [] : [LIST]),
    }),
    updateLead: build.mutation<Lead, LeadInput & { id: string; version: number }>({
      query: ({ id, version, ...input }) => ({
        url: `/leads/${encodeURIComponent(id)}`,
        method: 'PUT',
        body: { ...body(input), version },
      }),
      // Not on failure: a conflict must not silently replace what the user typed.
      invalidatesTags: (result, error, { id }) =>
        error ? [] : [{ type: 'Lead', id }, LIST, { type: 'LeadScore', id }, { type: 'Activity', id: result?.customerId }],
    }),
    setLeadStatus: build.mutation<Lead, { id: string; status: LeadStatus; reason?: string }>({
      query: ({ id, status, reason }) => ({
        url: `/leads/${encodeURIComponent(id)}/status`,
        method: 'PUT',
        body: reason ? { status, reason } : { status },
      }),
      invalidatesTags: (result, error, { id }) =>
        error ? [] : [{ type: 'Lead', id }, LIST, { type: 'LeadScore', id }, { type: 'Activity', id: result?.customerId }],
    }),
    setLeadAssignee: build.mutation<Lead, { id: string; assignee: string }>({
      query: ({ id, assignee }) => ({
        url: `/leads/${encodeURIComponent(id)}/assignee`,
        method: 'PUT',
        body: { assignee },
      }),
      invalidatesTags: (result, error, { id }) =>
        error ? [] : [{ type: 'Lead', id }, LIST, { type: 'Activity', id: result?.customerId }],
    }),
  }),
});

export const {
  useListLeadsInfiniteQuery,
  useCountLeadsQuery,
  useListCustomerLeadsInfiniteQuery,
  useLazyListLeadsPageQuery,
  useGetBoardQuery,
  useGetLeadQuery,
  useListAssigneesQuery,
  useGetLeadScoreQuery,
  useGetLeadScoreHistoryQuery,
  useCreateLeadMutation,
  useUpdateLeadMutation,
  useSetLeadStatusMutation,
  useSetLeadAssigneeMutation,
} = leadsApi;
