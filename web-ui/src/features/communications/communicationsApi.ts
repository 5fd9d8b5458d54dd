import { baseApi } from '../../api/baseApi';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import type { Page } from '../../api/page';
import type { Communication, NewCommunication } from './types';

export const COMMUNICATION_PAGE_SIZE = 20;

const path = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/communications`;

export const communicationsApi = baseApi.enhanceEndpoints({ addTagTypes: ['Communication'] }).injectEndpoints({
  endpoints: (build) => ({
    /** Latest first by when they happened, "Load more" with the previous page's cursor. */
    listCommunications: build.infiniteQuery<Page<Communication>, string, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: path(queryArg),
        params: pageParam
          ? { size: String(COMMUNICATION_PAGE_SIZE), cursor: pageParam }
          : { size: String(COMMUNICATION_PAGE_SIZE) },
      }),
      providesTags: (_result, _error, customerId) => [{ type: 'Communication', id: customerId }],
    }),
    logCommunication: build.mutation<Communication, { customerId: string; entry: NewCommunication }>({
      // One key per submit: the network layer's retry after a 429 reuses it, so it is logged once.
      query: ({ customerId, entry }) => ({
        url: path(customerId),
        method: 'POST',
        body: entry,
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
      invalidatesTags: (_result, error, { customerId }) =>
        error ? [] : [{ type: 'Communication', id: customerId }, { type: 'Activity', id: customerId }],
    }),
  }),
});

export const { useListCommunicationsInfiniteQuery, useLogCommunicationMutation } = communicationsApi;
