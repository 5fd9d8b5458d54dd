import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import { Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../lib/format';
import type { Activity } from './activitiesApi';
import { kindLabel } from './kinds';

function actorOf({ userId, userName }: Activity): string {
  if (userId === 'system') return '';
  return `by ${userName ?? userId}`;
}

interface EntryParts {
  /** the whole feed names each entry's customer; a customer's own timeline needs not */
  customer?: boolean;
  /** "Payments", "Notes"…: left out where space is short */
  kind?: boolean;
}

function ActivityText({ activity, customer = false, kind = true }: { activity: Activity } & EntryParts) {
  return (
    <ListItemText
      primary={activity.summary || activity.action}
      secondary={[
        customer ? activity.customerName : '',
        formatDateTime(activity.timestamp),
        kind ? kindLabel(activity.kind) : '',
        actorOf(activity),
      ]
        .filter(Boolean)
        .join(' · ')}
    />
  );
}

/** An entry of a customer's own timeline: what happened, when, of which kind and by whom. */
export function TimelineEntry({ activity }: { activity: Activity }) {
  return (
    <ListItem divider>
      <ActivityText activity={activity} />
    </ListItem>
  );
}

/** An entry of the whole feed: names its customer first and leads to them. */
export function FeedEntry({ activity, compact = false }: { activity: Activity; compact?: boolean }) {
  return (
    <ListItem divider disablePadding>
      <ListItemButton component={RouterLink} to={`/customers/${activity.customerId}`} disableGutters={compact}>
        <ActivityText activity={activity} customer kind={!compact} />
      </ListItemButton>
    </ListItem>
  );
}
