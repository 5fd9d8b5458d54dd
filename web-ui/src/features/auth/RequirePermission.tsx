import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import type { Permission } from './permissions';
import { useCan } from './useMe';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan(permission);
  if (!allowed) {
    return (
      <Alert severity="error" role="alert">
        You don&apos;t have access to this page.
      </Alert>
    );
  }
  return <>{children}</>;
}
