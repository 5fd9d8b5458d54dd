import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../api/problem';
import { useCan } from '../auth/useMe';
import { useDeleteCustomerMutation } from './customersApi';
import type { DeletedCustomer } from './DeletedCustomerNotice';
import type { Customer } from './types';

/** Offered to admins and managers only; asks before deleting. */
export function DeleteCustomerButton({ customer }: { customer: Customer }) {
  const allowed = useCan('deleteCustomers');
  const [open, setOpen] = useState(false);
  const [deleteCustomer, { isLoading, error, reset }] = useDeleteCustomerMutation();
  const navigate = useNavigate();
  if (!allowed) return null;

  const close = () => {
    setOpen(false);
    reset();
  };
  const confirm = async () => {
    try {
      await deleteCustomer(customer.id).unwrap();
      const deleted: DeletedCustomer = { id: customer.id, name: customer.name };
      void navigate('/customers', { replace: true, state: { deleted } });
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <>
      <Button color="error" variant="outlined" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="delete-customer-title">
        <DialogTitle id="delete-customer-title">Delete {customer.name}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The customer leaves every list at once. A manager or an admin can restore it from “Recently deleted”
            for 30 days; after that it is removed for good. Its activity history stays in the activity feed.
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {describeError(error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} autoFocus>
            Cancel
          </Button>
          <Button color="error" variant="contained" onClick={() => void confirm()} disabled={isLoading}>
            {isLoading ? 'Deleting…' : 'Delete'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
