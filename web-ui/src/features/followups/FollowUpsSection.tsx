import Button from '@mui/material/Button';
import { useState } from 'react';
import { Section } from '../../components/Section';
import { useCan } from '../auth/useMe';
import { FollowUpList } from './FollowUpList';
import { NewFollowUpDialog } from './NewFollowUpDialog';

/**
 * A customer's open follow-ups (or those about one of its leads), soonest due first, and "New follow-up" for those
 * who may create them.
 */
export function FollowUpsSection({ customerId, leadId }: { customerId: string; leadId?: string }) {
  const canView = useCan('viewFollowUps');
  const canCreate = useCan('writeFollowUps');
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
      <FollowUpList args={{ customerId, leadId, status: 'OPEN' }} label="Open follow-ups" empty="No open follow-ups." />
      {canCreate && (
        <NewFollowUpDialog
          customerId={customerId}
          leadId={leadId}
          open={open}
          onClose={() => setOpen(false)}
        />
      )}
    </Section>
  );
}
