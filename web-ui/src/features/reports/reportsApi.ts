import { baseApi } from '../../api/baseApi';
import { periodParams } from './period';
import type { Funnel, Period, Revenue, RevenueArgs, SalesPerformance } from './types';

/** Statistics change with every event reporting-service takes in: refetch when a page comes back into view. */
export const REPORT_POLL_MS = 30_000;

export const reportsApi = baseApi.enhanceEndpoints({ addTagTypes: ['Report'] }).injectEndpoints({
  endpoints: (build) => ({
    salesPerformance: build.query<SalesPerformance, Period & { userId?: string }>({
      query: ({ userId, ...period }) => ({
        url: '/reports/sales-performance',
        params: { ...periodParams(period), ...(userId ? { userId } : {}) },
      }),
      providesTags: [{ type: 'Report', id: 'sales-performance' }],
    }),
    funnel: build.query<Funnel, Period>({
      query: (period) => ({ url: '/reports/funnel', params: periodParams(period) }),
      providesTags: [{ type: 'Report', id: 'funnel' }],
    }),
    revenue: build.query<Revenue, RevenueArgs>({
      query: ({ granularity, currency, ...period }) => ({
        url: '/reports/revenue',
        params: { granularity, ...(currency ? { currency } : {}), ...periodParams(period) },
      }),
      providesTags: [{ type: 'Report', id: 'revenue' }],
    }),
  }),
});

export const { useSalesPerformanceQuery, useFunnelQuery, useRevenueQuery } = reportsApi;
