import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayAssignOthers } from './access';
import { FollowUpList } from './FollowUpList';
import { NewFollowUpDialog } from './NewFollowUpDialog';

/** A customer's open follow-ups, soonest due first, and "New follow-up" for those who may create them. */
export function FollowUpsSection({ customerId }: { customerId: string }) {
  const canView = useCan('viewFollowUps');
  const canCreate = useCan('writeFollowUps');
  const { data: me } = useGetMeQuery();
  const [open, setOpen] = useState(false);
  if (!canView) return null;
  return (
    <Stack component="section" spacing={1} aria-labelledby="follow-ups-title">
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography id="follow-ups-title" variant="h6" component="h2">
          Follow-ups
        </Typography>
        {canCreate && (
          <Button variant="outlined" onClick={() => setOpen(true)}>
            New follow-up
          </Button>
        )}
      </Stack>
      <FollowUpList args={{ customerId, status: 'OPEN' }} label="Open follow-ups" empty="No open follow-ups." />
      {canCreate && (
        <NewFollowUpDialog
          customerId={customerId}
          open={open}
          assignsOthers={mayAssignOthers(me?.roles ?? [])}
          onClose={() => setOpen(false)}
        />
      )}
    </Stack>
  );
}
