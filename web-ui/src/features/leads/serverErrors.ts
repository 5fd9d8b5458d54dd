import { httpStatus, problemOf } from '../../api/problem';
import type { LeadField, LeadFieldErrors } from './validation';

const FIELDS: readonly LeadField[] = ['title', 'source', 'value', 'currency', 'customerId', 'assignee'];

export type SubmitFailure = { kind: 'fields'; errors: LeadFieldErrors } | { kind: 'conflict' } | { kind: 'other'; error: unknown };

/** Sorts a failed write into what the form shows: field messages (400/422), a stale version (409), or an alert. */
export function classifySubmitError(error: unknown): SubmitFailure {
  const status = httpStatus(error);
  const problem = problemOf(error);
  if (status === 409) return { kind: 'conflict' };
  if ((status === 400 || status === 422) && problem?.errors?.length) {
    const errors: LeadFieldErrors = {};
    for (const { field, message } of problem.errors) {
      const key = FIELDS.find((name) => name === field);
      if (key && !errors[key]) errors[key] = message;
    }
    if (Object.keys(errors).length > 0) return { kind: 'fields', errors };
  }
  return { kind: 'other', error };
}
