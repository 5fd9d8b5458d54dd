import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { LeadForm } from './LeadForm';
import { useGetLeadQuery, useUpdateLeadMutation } from './leadsApi';

export default function EditLeadPage() {
  const { id = '' } = useParams();
  const { data: lead, error, isLoading, refetch } = useGetLeadQuery(id);
  const [updateLead] = useUpdateLeadMutation();
  const navigate = useNavigate();

  if (isLoading) return <PageLoading label="Loading lead" />;
  if (!lead) return <ErrorAlert error={error} />;
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h5" component="h1">
        Edit {lead.title}
      </Typography>
      <LeadForm
        // a reload brings a new version: start the form again from the fresh values
        key={lead.version}
        initial={{ title: lead.title, source: lead.source, value: lead.value, currency: lead.currency }}
        submitLabel="Save"
        onSubmit={async (input) => {
          await updateLead({ ...input, id, version: lead.version }).unwrap();
          void navigate(`/leads/${id}`);
        }}
        onCancel={() => void navigate(`/leads/${id}`)}
        onReload={() => void refetch()}
      />
    </Stack>
  );
}
