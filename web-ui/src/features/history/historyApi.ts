import { baseApi } from '../../api/baseApi';
import type { Page } from '../../api/page';

/** One entry of a record's field history (the platform's FieldChange). */
export interface FieldChange {
  id: string;
  changedAt: string;
  actorId: string;
  actorName: string;
  /** user, client (a partner's API client) or system (jobs, demo data) */
  actorKind: 'user' | 'client' | 'system';
  traceId: string | null;
  /** the field's name, or created / deleted / restored for the record itself */
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** The API areas whose records keep a field history at /api/v1/<area>/{id}/history. */
export type HistoryResource = 'customers' | 'leads' | 'payments';

export interface HistoryArgs {
  resource: HistoryResource;
  id: string;
  /** The record's version: a change on the page (a new version) reads the history anew. */
  version: number;
}

export const HISTORY_PAGE_SIZE = 20;

export const historyApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** Newest first. */
    listHistory: build.infiniteQuery<Page<FieldChange>, HistoryArgs, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => {
        const params: Record<string, string> = { size: String(HISTORY_PAGE_SIZE) };
        if (pageParam) params.cursor = pageParam;
        return { url: `/${queryArg.resource}/${encodeURIComponent(queryArg.id)}/history`, params };
      },
    }),
  }),
});

export const { useListHistoryInfiniteQuery } = historyApi;
