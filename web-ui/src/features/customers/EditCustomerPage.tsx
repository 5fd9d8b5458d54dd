import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { CustomerForm } from './CustomerForm';
import { useGetCustomerQuery, useUpdateCustomerMutation } from './customersApi';

export default function EditCustomerPage() {
  const { id = '' } = useParams();
  const { data: customer, error, isLoading, refetch } = useGetCustomerQuery(id);
  const [updateCustomer] = useUpdateCustomerMutation();
  const navigate = useNavigate();

  if (isLoading) return <PageLoading label="Loading customer" />;
  if (!customer) return <ErrorAlert error={error} />;
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h5" component="h1">
        Edit {customer.name}
      </Typography>
      <CustomerForm
        // A reload brings a new version: start the form again from the fresh values.
        key={customer.version}
        initial={{ name: customer.name, email: customer.email, phone: customer.phone ?? '' }}
        submitLabel="Save"
        onSubmit={async (input) => {
          await updateCustomer({ ...input, id, version: customer.version }).unwrap();
          void navigate(`/customers/${id}`);
        }}
        onCancel={() => void navigate(`/customers/${id}`)}
        onReload={() => void refetch()}
      />
    </Stack>
  );
}
