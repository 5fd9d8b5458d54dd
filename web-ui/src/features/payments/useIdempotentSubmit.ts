import { useRef, useState } from 'react';
import { fieldErrorsOf } from '../../api/fieldErrors';
import { newIdempotencyKey } from '../../api/idempotencyKey';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * A money form's submission, for one opening of its dialog: the Idempotency-Key is made once, when the dialog opens,
 * and goes with every attempt — a double click, or a retry after a network error, takes effect once. A second click
 * in the same instant is dropped before React re-renders the disabled button.
 */
export function useIdempotentSubmit<F extends string>(fields: readonly F[]) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const submitting = useRef(false);

  /** Shows `invalid` if the form's own check found something; sends otherwise, mapping a 4xx onto the fields. */
  const submit = async (invalid: FieldErrors<F> | null, send: (idempotencyKey: string) => Promise<unknown>) => {
    if (submitting.current) return;
    if (invalid) {
      setErrors(invalid);
      return;
    }
    setErrors({});
    submitting.current = true;
    try {
      await send(idempotencyKey);
    } catch (failure) {
      setErrors(fieldErrorsOf(failure, fields));
    } finally {
      submitting.current = false;
    }
  };
  /** Forgets a field's error once the user has changed what it was about. */
  const clear = (field: F) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([name]) => name !== field)) as FieldErrors<F>);
  return { errors, submit, clear };
}
