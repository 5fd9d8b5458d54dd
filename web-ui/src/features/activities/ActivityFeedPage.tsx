import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import { ActivityTimeline } from './ActivityTimeline';

export default function ActivityFeedPage() {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Recent activity
      </Typography>
      <ActivityTimeline title="All activity" untitled />
    </Stack>
  );
}
