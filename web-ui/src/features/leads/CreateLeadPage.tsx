import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { useCan } from '../auth/useMe';
import { CustomerPicker, type CustomerChoice } from '../customers/CustomerPicker';
import { useGetCustomerQuery } from '../customers/customersApi';
import { LeadForm } from './LeadForm';
import { useCreateLeadMutation, useListAssigneesQuery } from './leadsApi';
import type { LeadInput } from './types';

const EMPTY: LeadInput = { title: '', source: 'WEB', value: '', currency: 'EUR' };

/** A new lead for a customer found by search, or the one in `?customerId=` (the customer page's "New lead"). */
export default function CreateLeadPage() {
  const [params] = useSearchParams();
  const presetId = params.get('customerId') ?? '';
  const { data: preset, isLoading } = useGetCustomerQuery(presetId, { skip: !presetId });
  if (presetId && isLoading) return <PageLoading label="Loading customer" />;
  return <CreateLead key={preset?.id ?? ''} preset={preset ? { id: preset.id, name: preset.name, email: preset.email } : null} />;
}

function CreateLead({ preset }: { preset: CustomerChoice | null }) {
  const [createLead] = useCreateLeadMutation();
  const navigate = useNavigate();
  const [customer, setCustomer] = useState<CustomerChoice | null>(preset);
  const [assignee, setAssignee] = useState('');
  const canAssign = useCan('assignLeads');
  const { data: assignees = [] } = useListAssigneesQuery(undefined, { skip: !canAssign });

  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h5" component="h1">
        New lead
      </Typography>
      <LeadForm
        initial={EMPTY}
        submitLabel="Create"
        validateBefore={() => (customer ? {} : { customerId: 'Choose the customer' })}
        before={(errors, clear) => (
          <>
            <CustomerPicker
              id="lead-customer"
              value={customer}
              onChange={(next) => {
                setCustomer(next);
                clear('customerId');
              }}
              error={errors.customerId}
            />
            {canAssign && (
              <TextField
                id="lead-assignee"
                select
                label="Assignee"
                value={assignee}
                onChange={(event) => {
                  setAssignee(event.target.value);
                  clear('assignee');
                }}
                error={Boolean(errors.assignee)}
                helperText={errors.assignee ?? 'Automatic assignment picks a sales user when left empty'}
              >
                <MenuItem value="">Automatic</MenuItem>
                {assignees.map((user) => (
                  <MenuItem key={user.id} value={user.id}>
                    {user.name || user.username}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </>
        )}
        onSubmit={async (input) => {
          if (!customer) return;
          const created = await createLead({ ...input, customerId: customer.id, assignee: assignee || undefined }).unwrap();
          void navigate(`/leads/${created.id}`);
        }}
        onCancel={() => void navigate(preset ? `/customers/${preset.id}` : '/leads')}
      />
    </Stack>
  );
}
