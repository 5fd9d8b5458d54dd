import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { CustomerForm } from './CustomerForm';
import { useGetMeQuery } from '../auth/meApi';
import { mayChange } from './access';
import { useGetCustomerQuery, useUpdateCustomerMutation } from './customersApi';

export default function EditCustomerPage() {
  const { id = '' } = useParams();
  const { data: customer, error, isLoading, refetch } = useGetCustomerQuery(id);
  const [updateCustomer] = useUpdateCustomerMutation();
  const { data: me } = useGetMeQuery();
  const navigate = useNavigate();

  if (isLoading) return <PageLoading label="Loading customer" />;
  if (!customer) return <ErrorAlert error={error} />;
  if (!mayChange(me, customer)) {
    return (
      <Alert severity="info" role="status">
        Only {customer.ownerName ?? 'the owner'}, a manager or an admin may edit {customer.name}.
      </Alert>
    );
  }
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h5" component="h1">
        Edit {customer.name}
      </Typography>
      <CustomerForm
        // A reload brings a new version: start the form again from the fresh values.
        key={customer.version}
        initial={{
          name: customer.name,
          email: customer.email,
          phone: customer.phone ?? '',
          company: customer.company ?? '',
          tags: customer.tags,
        }}
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
