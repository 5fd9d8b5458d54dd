import { baseApi } from '../../api/baseApi';
import type { DashboardSummary, Layout, QueryDefinition, QueryResult, Widget } from './types';

const LAYOUT = { type: 'DashboardLayout', id: 'mine' } as const;

export const dashboardApi = baseApi.enhanceEndpoints({ addTagTypes: ['DashboardLayout', 'Report'] }).injectEndpoints({
  endpoints: (build) => ({
    /** Headline figures of the current month, counted as the caller may see them. */
    getDashboard: build.query<DashboardSummary, void>({
      query: () => '/reports/dashboard',
      providesTags: [{ type: 'Report', id: 'dashboard' }],
    }),
    getLayout: build.query<Layout, void>({
      query: () => '/reports/dashboard/layout',
      providesTags: [LAYOUT],
    }),
    /** Saves the caller's widgets; the answer is the layout as stored. */
    saveLayout: build.mutation<Layout, Widget[]>({
      query: (widgets) => ({ url: '/reports/dashboard/layout', method: 'PUT', body: { widgets } }),
      async onQueryStarted(widgets, { dispatch, queryFulfilled }) {
        // the grid shows the change at once; a refused save puts the stored layout back
        const patch = dispatch(
          dashboardApi.util.updateQueryData('getLayout', undefined, (draft) => {
            draft.widgets = widgets;
            draft.source = 'user';
          }),
        );
        try {
          const { data } = await queryFulfilled;
          if (data && Array.isArray(data.widgets)) {
            dispatch(dashboardApi.util.updateQueryData('getLayout', undefined, () => data));
          }
        } catch {
          patch.undo();
        }
      },
    }),
    resetLayout: build.mutation<void, void>({
      query: () => ({ url: '/reports/dashboard/layout', method: 'DELETE' }),
      invalidatesTags: [LAYOUT],
    }),
    /** Admins: makes these widgets the default dashboard of a role (its users without their own layout get it). */
    publishLayout: build.mutation<Layout, { role: string; widgets: Widget[] }>({
      query: ({ role, widgets }) => ({ url: `/reports/dashboard/layouts/${encodeURIComponent(role)}`, method: 'PUT', body: { widgets } }),
      invalidatesTags: [LAYOUT],
    }),
    /** One widget's data. */
    runQuery: build.query<QueryResult, QueryDefinition>({
      query: (definition) => ({ url: '/reports/query', method: 'POST', body: definition }),
      providesTags: [{ type: 'Report', id: 'query' }],
    }),
    /** The editor's check and preview: the same call, its 400 shown on the fields. */
    previewQuery: build.mutation<QueryResult, QueryDefinition>({
      query: (definition) => ({ url: '/reports/query', method: 'POST', body: definition }),
    }),
  }),
});

export const {
  useGetDashboardQuery,
  useGetLayoutQuery,
  useSaveLayoutMutation,
  useResetLayoutMutation,
  usePublishLayoutMutation,
  useRunQueryQuery,
  usePreviewQueryMutation,
} = dashboardApi;
