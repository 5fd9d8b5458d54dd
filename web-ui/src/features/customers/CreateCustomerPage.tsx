import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNavigate } from 'react-router';
import { CustomerForm } from './CustomerForm';
import { useCreateCustomerMutation } from './customersApi';
import type { CustomerInput } from './types';

const EMPTY: CustomerInput = { name: '', email: '', phone: '', company: '', tags: [] };

export default function CreateCustomerPage() {
  const [createCustomer] = useCreateCustomerMutation();
  const navigate = useNavigate();
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h5" component="h1">
        New customer
      </Typography>
      <CustomerForm
        initial={EMPTY}
        submitLabel="Create"
        onSubmit={async (input) => {
          const created = await createCustomer(input).unwrap();
          void navigate(`/customers/${created.id}`);
        }}
        onCancel={() => void navigate('/customers')}
      />
    </Stack>
  );
}
