import { httpStatus, problemOf } from '../../api/problem';
import type { CustomerInput } from './types';
import type { CustomerFieldErrors } from './validation';

const FIELDS: readonly (keyof CustomerInput)[] = ['name', 'email', 'phone', 'company', 'tags'];

export type SubmitFailure =
  | { kind: 'fields'; errors: CustomerFieldErrors }
  | { kind: 'conflict' }
  | { kind: 'other'; error: unknown };

/** Sorts a failed write into what the form shows: field messages, a version conflict, or an alert. */
export function classifySubmitError(error: unknown): SubmitFailure {
  const status = httpStatus(error);
  const problem = problemOf(error);
  if (status === 409) {
    if (problem?.title?.toLowerCase().includes('modified concurrently')) return { kind: 'conflict' };
    return {
      kind: 'fields',
      errors: { email: problem?.detail ?? 'A customer with this email already exists' },
    };
  }
  if (status === 400 && problem?.errors?.length) {
    const errors: CustomerFieldErrors = {};
    for (const { field, message } of problem.errors) {
      // a tag's error names its element: tags[2]
      const key = FIELDS.find((name) => name === field || field.startsWith(`${name}[`));
      if (key && !errors[key]) errors[key] = message;
    }
    if (Object.keys(errors).length > 0) return { kind: 'fields', errors };
  }
  return { kind: 'other', error };
}
