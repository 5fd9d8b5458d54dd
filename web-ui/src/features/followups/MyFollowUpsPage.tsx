import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useCan } from '../auth/useMe';
import { browserZone } from './access';
import { FollowUpList } from './FollowUpList';
import type { DueWindow } from './types';

// loaded when first opened: the page's own chunk is preloaded on every first visit, within the shell's byte budget
const NewFollowUpDialog = lazy(() => import('./NewFollowUpDialog').then((m) => ({ default: m.NewFollowUpDialog })));

const SECTIONS: readonly { due: DueWindow; title: string; empty: string }[] = [
  { due: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { due: 'today', title: 'Today', empty: 'Nothing more due today.' },
  { due: 'week', title: 'This week', empty: 'Nothing more due this week.' },
];

/**
 * The caller's open follow-ups: overdue, the rest of today, and the next days, in the browser's time zone; "New
 * follow-up" asks for the customer first.
 */
export default function MyFollowUpsPage() {
  const zone = useMemo(() => browserZone(), []);
  const canCreate = useCan('writeFollowUps');
  const [creating, setCreating] = useState(false);
  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          My follow-ups
        </Typography>
        {canCreate && (
          <Button variant="contained" onClick={() => setCreating(true)}>
            New follow-up
          </Button>
        )}
      </Stack>
      {SECTIONS.map(({ due, title, empty }) => (
        <Stack key={due} component="section" spacing={1} aria-labelledby={`follow-ups-${due}`}>
          <Typography id={`follow-ups-${due}`} variant="h6" component="h2">
            {title}
          </Typography>
          <FollowUpList args={{ assignee: 'me', due, zone }} label={title} empty={empty} showCustomer />
        </Stack>
      ))}
      {creating && (
        <Suspense fallback={null}>
          <NewFollowUpDialog open onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Stack>
  );
}
