import { baseApi } from '../../api/baseApi';
import type { Me } from './types';

export const meApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getMe: build.query<Me, void>({
      query: () => '/me',
      providesTags: ['Me'],
    }),
  }),
});

export const { useGetMeQuery } = meApi;
