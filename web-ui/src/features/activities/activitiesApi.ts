import { baseApi } from '../../api/baseApi';
import type { Page } from '../../api/page';
import type { TimelineKind } from './timelineApi';

export interface Activity {
  id: string;
  customerId: string;
  /** The customer's latest name; null if activity-service has not heard of the customer yet. */
  customerName: string | null;
  /** What the entry is about: customer, lead, note, document, communication, follow-up, payment, score. */
  kind: string;
  userId: string;
  /** How people know the actor; null for activities recorded before events carried it. */
  userName: string | null;
  action: string;
  summary: string;
  timestamp: string;
  correlationId: string | null;
}

export const ACTIVITY_PAGE_SIZE = 20;

export const activitiesApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** Newest first; without a customer id, the whole feed; of the given kinds (none: every kind). */
    listActivities: build.infiniteQuery<Page<Activity>, { customerId?: string; leadId?: string; kinds?: readonly TimelineKind[] }, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => {
        const params: Record<string, string> = { size: String(ACTIVITY_PAGE_SIZE) };
        if (queryArg.customerId) params.customerId = queryArg.customerId;
        if (queryArg.leadId) params.leadId = queryArg.leadId;
        if (queryArg.kinds?.length) params.kind = queryArg.kinds.join(',');
        if (pageParam) params.cursor = pageParam;
        return { url: '/activities', params };
      },
      providesTags: (_result, _error, { customerId }) => [{ type: 'Activity', id: customerId ?? 'FEED' }],
    }),
  }),
});

export const { useListActivitiesInfiniteQuery } = activitiesApi;
