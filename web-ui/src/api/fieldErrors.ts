import { httpStatus, problemOf } from './problem';

/** The server's field errors (400/422 problem+json `errors[]`) by their path ("groupBy", "filters[0].field"). */
export function fieldErrorsByPath(failure: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  const status = httpStatus(failure);
  if (status !== 400 && status !== 422) return errors;
  for (const { field, message } of problemOf(failure)?.errors ?? []) {
    if (field && !(field in errors)) errors[field] = message;
  }
  return errors;
}

/** The server's field errors for the fields a form has; others are dropped. */
export function fieldErrorsOf<F extends string>(failure: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const byPath = fieldErrorsByPath(failure);
  const errors: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const message = byPath[field];
    if (message !== undefined) errors[field] = message;
  }
  return errors;
}
