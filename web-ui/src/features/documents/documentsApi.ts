import { baseApi } from '../../api/baseApi';
import type { Page } from '../../api/page';
import { documentsPath, type CustomerDocument } from './types';

export const DOCUMENT_PAGE_SIZE = 50;

export const documentsApi = baseApi.enhanceEndpoints({ addTagTypes: ['Document'] }).injectEndpoints({
  endpoints: (build) => ({
    listDocuments: build.infiniteQuery<Page<CustomerDocument>, string, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg: customerId, pageParam }) => ({
        url: documentsPath(customerId),
        params: pageParam ? { size: String(DOCUMENT_PAGE_SIZE), cursor: pageParam } : { size: String(DOCUMENT_PAGE_SIZE) },
      }),
      providesTags: (_result, _error, customerId) => [{ type: 'Document', id: customerId }],
    }),
    removeDocument: build.mutation<void, CustomerDocument>({
      query: (document) => ({
        url: `${documentsPath(document.customerId)}/${encodeURIComponent(document.id)}`,
        method: 'DELETE',
      }),
      invalidatesTags: (_result, error, document) =>
        error ? [] : [{ type: 'Document', id: document.customerId }, { type: 'Activity', id: document.customerId }],
    }),
  }),
});

export const { useListDocumentsInfiniteQuery, useRemoveDocumentMutation } = documentsApi;

/** After an upload (made outside RTK Query, for its progress events): the list and the timeline reload. */
export function documentsChanged(customerId: string) {
  return documentsApi.util.invalidateTags([
    { type: 'Document', id: customerId },
    { type: 'Activity', id: customerId },
  ]);
}
