import { baseApi } from '../../api/baseApi';
import type { Page } from '../../api/page';

/** What a timeline entry is about: the filter chips, in the order shown. */
export const TIMELINE_KINDS = ['customer', 'lead', 'note', 'document', 'communication', 'follow-up', 'payment', 'score'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: string;
  customerId: string;
  kind: string;
  type: string;
  summary: string;
  actorId: string;
  /** How people know the actor; null for entries recorded before events carried it. */
  actorName: string | null;
  occurredAt: string;
  leadId: string | null;
  correlationId: string | null;
}

export const TIMELINE_PAGE_SIZE = 20;

export const timelineApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** A customer's complete timeline, newest first; no kinds: every kind. */
    getTimeline: build.infiniteQuery<Page<TimelineEntry>, { customerId: string; kinds: readonly string[] }, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => {
        const params: Record<string, string> = { size: String(TIMELINE_PAGE_SIZE) };
        if (queryArg.kinds.length > 0) params.kind = queryArg.kinds.join(',');
        if (pageParam) params.cursor = pageParam;
        return { url: `/customers/${encodeURIComponent(queryArg.customerId)}/timeline`, params };
      },
      providesTags: (_result, _error, { customerId }) => [{ type: 'Timeline', id: customerId }],
    }),
  }),
});

export const { useGetTimelineInfiniteQuery } = timelineApi;
