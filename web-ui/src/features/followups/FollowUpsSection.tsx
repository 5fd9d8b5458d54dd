import Button from '@mui/material/Button';
import { useState } from 'react';
import { Section } from '../../components/Section';
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
    <Section
      title="Follow-ups"
      action={canCreate && (
        <Button variant="outlined" onClick={() => setOpen(true)}>
          New follow-up
        </Button>
      )}
    >
      <FollowUpList args={{ customerId, status: 'OPEN' }} label="Open follow-ups" empty="No open follow-ups." />
      {canCreate && (
        <NewFollowUpDialog
          customerId={customerId}
          open={open}
          assignsOthers={mayAssignOthers(me?.roles ?? [])}
          onClose={() => setOpen(false)}
        />
      )}
    </Section>
  );
}
