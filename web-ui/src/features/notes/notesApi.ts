import { baseApi } from '../../api/baseApi';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import type { Page } from '../../api/page';
import type { Note } from './types';

export const NOTE_PAGE_SIZE = 20;

const notesPath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/notes`;

export const notesApi = baseApi.enhanceEndpoints({ addTagTypes: ['Note'] }).injectEndpoints({
  endpoints: (build) => ({
    /** Newest first, "Load more" with the previous page's cursor. */
    listNotes: build.infiniteQuery<Page<Note>, string, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: notesPath(queryArg),
        params: pageParam ? { size: String(NOTE_PAGE_SIZE), cursor: pageParam } : { size: String(NOTE_PAGE_SIZE) },
      }),
      providesTags: (_result, _error, customerId) => [{ type: 'Note', id: customerId }],
    }),
    addNote: build.mutation<Note, { customerId: string; body: string }>({
      // One key per submit: the network layer's retry after a 429 reuses it, so the note is added once.
      query: ({ customerId, body }) => ({
        url: notesPath(customerId),
        method: 'POST',
        body: { body },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
      invalidatesTags: (_result, error, { customerId }) =>
        error ? [] : [{ type: 'Note', id: customerId }, { type: 'Activity', id: customerId }],
    }),
    updateNote: build.mutation<Note, { customerId: string; id: string; body: string; version: number }>({
      query: ({ customerId, id, body, version }) => ({
        url: `${notesPath(customerId)}/${encodeURIComponent(id)}`,
        method: 'PUT',
        body: { body, version },
      }),
      // Not on failure: a conflict must not silently replace what the user typed.
      invalidatesTags: (_result, error, { customerId }) =>
        error ? [] : [{ type: 'Note', id: customerId }, { type: 'Activity', id: customerId }],
    }),
    deleteNote: build.mutation<void, { customerId: string; id: string }>({
      query: ({ customerId, id }) => ({ url: `${notesPath(customerId)}/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: (_result, error, { customerId }) =>
        error ? [] : [{ type: 'Note', id: customerId }, { type: 'Activity', id: customerId }],
    }),
  }),
});

export const { useListNotesInfiniteQuery, useAddNoteMutation, useUpdateNoteMutation, useDeleteNoteMutation } =
  notesApi;
