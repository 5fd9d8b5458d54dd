import { baseApi } from '../../api/baseApi';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import type { Page } from '../../api/page';
import type { FollowUp, FollowUpAssignee, FollowUpListArgs, NewFollowUpInput } from './types';

export const FOLLOW_UP_PAGE_SIZE = 20;

const LIST = { type: 'FollowUp', id: 'LIST' } as const;

/** A follow-up's events reach its customer's timeline a moment later: the timeline refetches too. */
const changed = (customerId: string | undefined) =>
  customerId ? [LIST, { type: 'Timeline' as const, id: customerId }] : [LIST];

function params(args: FollowUpListArgs, cursor: string): Record<string, string> {
  const result: Record<string, string> = { size: String(FOLLOW_UP_PAGE_SIZE) };
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'string' && value) result[name] = value;
  }
  if (cursor) result.cursor = cursor;
  return result;
}

export const followUpsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** Soonest due first, keyset pages ("Load more"). */
    listFollowUps: build.infiniteQuery<Page<FollowUp>, FollowUpListArgs, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({ url: '/follow-ups', params: params(queryArg, pageParam) }),
      providesTags: [LIST],
    }),
    listFollowUpAssignees: build.query<FollowUpAssignee[], void>({
      query: () => '/follow-ups/assignees',
    }),
    createFollowUp: build.mutation<FollowUp, NewFollowUpInput>({
      query: (input) => ({
        url: '/follow-ups',
        method: 'POST',
        headers: { 'Idempotency-Key': newIdempotencyKey() },
        body: {
          customerId: input.customerId,
          leadId: input.leadId ?? null,
          title: input.title.trim(),
          notes: input.notes.trim() || null,
          dueAt: input.dueAt,
          assignee: input.assignee || null,
        },
      }),
      invalidatesTags: (_result, _error, input) => changed(input.customerId),
    }),
    completeFollowUp: build.mutation<FollowUp, FollowUp>({
      query: (followUp) => ({
        url: `/follow-ups/${encodeURIComponent(followUp.id)}/complete`,
        method: 'POST',
        body: { version: followUp.version },
      }),
      invalidatesTags: (_result, _error, followUp) => changed(followUp.customerId),
    }),
    cancelFollowUp: build.mutation<FollowUp, FollowUp>({
      query: (followUp) => ({
        url: `/follow-ups/${encodeURIComponent(followUp.id)}/cancel`,
        method: 'POST',
        body: { version: followUp.version },
      }),
      invalidatesTags: (_result, _error, followUp) => changed(followUp.customerId),
    }),
  }),
});

export const {
  useListFollowUpsInfiniteQuery,
  useListFollowUpAssigneesQuery,
  useCreateFollowUpMutation,
  useCompleteFollowUpMutation,
  useCancelFollowUpMutation,
} = followUpsApi;
