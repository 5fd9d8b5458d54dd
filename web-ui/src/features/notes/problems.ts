import { describeError, httpStatus, problemOf } from '../../api/problem';

/** A failed note write as a sentence: the field message the server gave, else what the status means. */
export function noteProblem(error: unknown): string {
  const problem = problemOf(error);
  const status = httpStatus(error);
  const field = problem?.errors?.[0];
  if ((status === 400 || status === 422) && field) return `The note ${field.message}.`;
  if (status === 403) return 'You may not change this note.';
  return describeError(error);
}

export function isConflict(error: unknown): boolean {
  return httpStatus(error) === 409;
}
