import { baseApi } from '../../api/baseApi';
import type { Page } from '../../api/page';
import type { Customer } from '../customers/types';
import type { Lead } from '../leads/types';

/** How many of each the quick search shows: the newest matches, as the lists order them. */
export const QUICK_SEARCH_SIZE = 5;

export const searchApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    quickSearchCustomers: build.query<Page<Customer>, string>({
      query: (q) => ({ url: '/customers', params: { q, size: String(QUICK_SEARCH_SIZE) } }),
      providesTags: [{ type: 'Customer', id: 'LIST' }],
    }),
    quickSearchLeads: build.query<Page<Lead>, string>({
      query: (q) => ({ url: '/leads', params: { q, size: String(QUICK_SEARCH_SIZE) } }),
      providesTags: [{ type: 'Lead', id: 'LIST' }],
    }),
  }),
});

export const { useQuickSearchCustomersQuery, useQuickSearchLeadsQuery } = searchApi;
