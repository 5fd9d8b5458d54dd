import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { browserZone } from './access';
import { FollowUpList } from './FollowUpList';
import type { DueWindow } from './types';

const SECTIONS: readonly { due: DueWindow; title: string; empty: string }[] = [
  { due: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { due: 'today', title: 'Today', empty: 'Nothing more due today.' },
  { due: 'week', title: 'This week', empty: 'Nothing more due this week.' },
];

/** The caller's open follow-ups: overdue, the rest of today, and the next days, in the browser's time zone. */
export default function MyFollowUpsPage() {
  const zone = useMemo(() => browserZone(), []);
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h1">
        My follow-ups
      </Typography>
      {SECTIONS.map(({ due, title, empty }) => (
        <Stack key={due} component="section" spacing={1} aria-labelledby={`follow-ups-${due}`}>
          <Typography id={`follow-ups-${due}`} variant="h6" component="h2">
            {title}
          </Typography>
          <FollowUpList args={{ assignee: 'me', due, zone }} label={title} empty={empty} showCustomer />
        </Stack>
      ))}
    </Stack>
  );
}
