import { baseApi } from '../../api/baseApi';
import type { Role } from '../auth/types';
import type { AdminUser, UserPage } from './types';

export const USER_PAGE_SIZE = 100;

const LIST = { type: 'User' as const, id: 'LIST' };

export const usersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    listUsers: build.infiniteQuery<UserPage, string, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => {
        const params: Record<string, string> = { limit: String(USER_PAGE_SIZE) };
        if (queryArg) params.q = queryArg;
        if (pageParam) params.cursor = pageParam;
        return { url: '/users', params };
      },
      providesTags: [LIST],
    }),
    setUserRole: build.mutation<AdminUser, { id: string; role: Role }>({
      query: ({ id, role }) => ({ url: `/users/${encodeURIComponent(id)}/role`, method: 'PUT', body: { role } }),
      invalidatesTags: (_result, error) => (error ? [] : [LIST]),
    }),
    setUserEnabled: build.mutation<AdminUser, { id: string; enabled: boolean }>({
      query: ({ id, enabled }) => ({
        url: `/users/${encodeURIComponent(id)}/enabled`,
        method: 'PUT',
        body: { enabled },
      }),
      invalidatesTags: (_result, error) => (error ? [] : [LIST]),
    }),
  }),
});

export const { useListUsersInfiniteQuery, useSetUserRoleMutation, useSetUserEnabledMutation } = usersApi;
