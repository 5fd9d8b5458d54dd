import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useLocation, useNavigate } from 'react-router';
import { describeError } from '../../api/problem';
import { useCan } from '../auth/useMe';
import { useRestoreCustomerMutation } from './customersApi';

/** What the list was opened with after a deletion: the customer deleted. */
export interface DeletedCustomer {
  id: string;
  name: string;
}

/** Says which customer was just deleted, with Undo for whoever may restore it; gone once dismissed. */
export function DeletedCustomerNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const mayRestore = useCan('restoreCustomers');
  const [restore, { isLoading, error }] = useRestoreCustomerMutation();
  const deleted = (location.state as { deleted?: DeletedCustomer } | null)?.deleted;
  if (!deleted) return null;

  const dismiss = () => void navigate({ search: location.search }, { replace: true, state: null });
  const undo = async () => {
    try {
      await restore(deleted.id).unwrap();
      void navigate(`/customers/${encodeURIComponent(deleted.id)}`, { replace: true });
    } catch {
      // said in the notice
    }
  };

  return (
    <Alert
      severity={error ? 'error' : 'success'}
      role="status"
      action={
        <>
          {mayRestore && (
            <Button color="inherit" size="small" disabled={isLoading} onClick={() => void undo()}>
              Undo
            </Button>
          )}
          <Button color="inherit" size="small" onClick={dismiss}>
            Dismiss
          </Button>
        </>
      }
    >
      {error ? `${deleted.name} was not restored: ${describeError(error)}` : `${deleted.name} was deleted.`}
    </Alert>
  );
}
