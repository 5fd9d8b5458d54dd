import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import { describeError } from '../api/problem';

interface Props {
  error: unknown;
  action?: ReactNode;
}

/** An API error as a sentence the user can act on (403 → "You don't have access", …). */
export function ErrorAlert({ error, action }: Props) {
  return (
    <Alert severity="error" role="alert" action={action}>
      {describeError(error)}
    </Alert>
  );
}
