import { httpStatus, problemOf } from '../../api/problem';

/** The server's field errors (400/422 problem+json `errors[]`) for the fields a form has; others are dropped. */
export function fieldErrorsOf<F extends string>(failure: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  const status = httpStatus(failure);
  if (status !== 400 && status !== 422) return errors;
  for (const { field, message } of problemOf(failure)?.errors ?? []) {
    const key = fields.find((name) => name === field);
    if (key) errors[key] = message;
  }
  return errors;
}
