import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { CRM_ROLES } from '../auth/approval';
import { roleLabel } from '../auth/permissions';
import type { Role } from '../auth/types';
import type { AdminUser } from './types';

const joined = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface Props {
  user: AdminUser;
  isMe: boolean;
  onRole: (role: Role) => void;
  onEnabled: (enabled: boolean) => void;
}

/** One user: who, their state, and the two things an admin can change (role, active). */
export function UserRow({ user, isMe, onRole, onEnabled }: Props) {
  const selectId = `role-${user.id}`;
  const nameId = `name-${user.id}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      aria-label={user.name}
      sx={{
        listStyle: 'none',
        p: 2,
        borderLeftWidth: 4,
        borderLeftColor: user.pending ? 'warning.main' : 'divider',
        bgcolor: user.pending ? 'rgba(237, 108, 2, 0.06)' : 'background.paper',
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <Typography id={nameId} component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {user.name}
            </Typography>
            {user.pending && (
              // the colours of MUI's warning Alert: MUI's plain warning chip is below AA contrast
              <Chip size="small" label="Waiting for approval" sx={{ bgcolor: '#fff4e5', color: '#663c00', fontWeight: 600 }} />
            )}
            {!user.enabled && <Chip size="small" color="error" variant="outlined" label="Deactivated" />}
            {isMe && <Chip size="small" variant="outlined" label="You" />}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {user.username}
            {user.email ? ` · ${user.email}` : ''}
            {user.createdTimestamp ? ` · joined ${joined.format(new Date(user.createdTimestamp))}` : ''}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
          <TextField
            id={selectId}
            select
            size="small"
            label="Role"
            value={user.roles[0] ?? ''}
            disabled={isMe}
            onChange={(event) => onRole(event.target.value as Role)}
            sx={{ minWidth: 150 }}
            slotProps={{
              // named "Role <user>", not "Role <current value>": a list of identical names helps nobody
              select: { displayEmpty: true, SelectDisplayProps: { 'aria-labelledby': `${selectId}-label ${nameId}` } },
              inputLabel: { shrink: true },
            }}
          >
            <MenuItem value="" disabled>
              {roleLabel([])}
            </MenuItem>
            {CRM_ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {roleLabel([role])}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="outlined"
            color={user.enabled ? 'error' : 'primary'}
            disabled={isMe}
            onClick={() => onEnabled(!user.enabled)}
            aria-label={`${user.enabled ? 'Deactivate' : 'Reactivate'} ${user.name}`}
          >
            {user.enabled ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
