import { baseApi } from '../../api/baseApi';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import type { Page } from '../../api/page';
import type { Note, NoteSubject } from './types';

export const NOTE_PAGE_SIZE = 20;

const notesPath = ({ kind, id }: NoteSubject) =>
  `/${kind === 'customer' ? 'customers' : 'leads'}/${encodeURIComponent(id)}/notes`;

const noteTag = (subject: NoteSubject) => ({ type: 'Note' as const, id: `${subject.kind}:${subject.id}` });

/**
 * What a change of a note makes stale: the notes, and the timeline the note's event lands on (a customer's; a lead's
 * is on its customer's timeline, whose id the lead's notes do not know: every timeline).
 */
const changed = (subject: NoteSubject) => [
  noteTag(subject),
  subject.kind === 'customer' ? { type: 'Activity' as const, id: subject.id } : { type: 'Activity' as const },
];

export const notesApi = baseApi.enhanceEndpoints({ addTagTypes: ['Note'] }).injectEndpoints({
  endpoints: (build) => ({
    /** Newest first, "Load more" with the previous page's cursor. */
    listNotes: build.infiniteQuery<Page<Note>, NoteSubject, string>({
      infiniteQueryOptions: {
        initialPageParam: '',
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: notesPath(queryArg),
        params: pageParam ? { size: String(NOTE_PAGE_SIZE), cursor: pageParam } : { size: String(NOTE_PAGE_SIZE) },
      }),
      providesTags: (_result, _error, subject) => [noteTag(subject)],
    }),
    addNote: build.mutation<Note, { subject: NoteSubject; body: string }>({
      // One key per submit: the network layer's retry after a 429 reuses it, so the note is added once.
      query: ({ subject, body }) => ({
        url: notesPath(subject),
        method: 'POST',
        body: { body },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
      invalidatesTags: (_result, error, { subject }) => (error ? [] : changed(subject)),
    }),
    updateNote: build.mutation<Note, { subject: NoteSubject; id: string; body: string; version: number }>({
      query: ({ subject, id, body, version }) => ({
        url: `${notesPath(subject)}/${encodeURIComponent(id)}`,
        method: 'PUT',
        body: { body, version },
      }),
      // Not on failure: a conflict must not silently replace what the user typed.
      invalidatesTags: (_result, error, { subject }) => (error ? [] : changed(subject)),
    }),
    deleteNote: build.mutation<void, { subject: NoteSubject; id: string }>({
      query: ({ subject, id }) => ({ url: `${notesPath(subject)}/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: (_result, error, { subject }) => (error ? [] : changed(subject)),
    }),
  }),
});

export const { useListNotesInfiniteQuery, useAddNoteMutation, useUpdateNoteMutation, useDeleteNoteMutation } =
  notesApi;
