import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { useGetMeQuery } from '../auth/meApi';
import { roleLabel } from '../auth/permissions';
import type { Role } from '../auth/types';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { ConfirmDialog } from './ConfirmDialog';
import type { AdminUser } from './types';
import { UserRow } from './UserRow';
import { useListUsersInfiniteQuery, useSetUserEnabledMutation, useSetUserRoleMutation } from './usersApi';

type Change = { user: AdminUser; role: Role } | { user: AdminUser; enabled: boolean };

/** Admins approve new users, change roles and deactivate accounts; users waiting for approval come first. */
export default function UsersPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search).trim();
  const pendingOnly = params.get('show') === 'pending';
  const { data: me } = useGetMeQuery();

  const { data, error, isLoading, isFetchingNextPage, hasNextPage, fetchNextPage } = useListUsersInfiniteQuery(q);
  const all = data?.pages.flatMap((page) => page.items) ?? [];
  const pendingCount = all.filter((user) => user.pending).length;
  // waiting users first; otherwise the API's order (by username)
  const users = [...all.filter((u) => u.pending), ...(pendingOnly ? [] : all.filter((u) => !u.pending))];

  const [change, setChange] = useState<Change | null>(null);
  const [setRole, roleState] = useSetUserRoleMutation();
  const [setEnabled, enabledState] = useSetUserEnabledMutation();
  const busy = roleState.isLoading || enabledState.isLoading;
  const changeError = change && ('role' in change ? roleState.error : enabledState.error);

  const updateParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const open = (next: Change) => {
    roleState.reset();
    enabledState.reset();
    setChange(next);
  };
  const confirm = async () => {
    if (!change) return;
    const result =
      'role' in change
        ? await setRole({ id: change.user.id, role: change.role })
        : await setEnabled({ id: change.user.id, enabled: change.enabled });
    if (!('error' in result)) setChange(null);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Users
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
        <TextField
          label="Search users"
          placeholder="Name, username or email"
          size="small"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateParam('q', event.target.value.trim());
          }}
          sx={{ flexGrow: 1, maxWidth: { sm: 420 } }}
          type="search"
        />
        <ToggleButtonGroup
          exclusive
          size="small"
          value={pendingOnly ? 'pending' : 'all'}
          onChange={(_event, value: string | null) => value && updateParam('show', value === 'pending' ? value : '')}
          aria-label="Show"
        >
          <ToggleButton value="all">All users</ToggleButton>
          <ToggleButton value="pending">Waiting for approval</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {pendingCount > 0 && (
        <Alert severity="warning">
          {pendingCount === 1 ? '1 user is' : `${pendingCount} users are`} waiting for approval. Give them a role to
          let them in.
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {isLoading ? (
        <PageLoading label="Loading users" />
      ) : users.length === 0 && !error ? (
        <Typography color="text.secondary">
          {pendingOnly ? 'Nobody is waiting for approval.' : 'No users match your search.'}
        </Typography>
      ) : (
        <Stack component="ul" spacing={1} aria-label="Users" sx={{ m: 0, p: 0 }}>
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isMe={user.id === me?.id}
              onRole={(role) => open({ user, role })}
              onEnabled={(enabled) => open({ user, enabled })}
            />
          ))}
        </Stack>
      )}
      <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onClick={() => void fetchNextPage()} />
      {change && (
        <ConfirmDialog
          open
          busy={busy}
          error={changeError}
          onClose={() => setChange(null)}
          onConfirm={() => void confirm()}
          {...dialogText(change)}
        />
      )}
    </Stack>
  );
}

function dialogText(change: Change): { title: string; confirmLabel: string; danger?: boolean; children: string } {
  const { user } = change;
  if ('role' in change) {
    const role = roleLabel([change.role]);
    return user.pending
      ? {
          title: `Approve ${user.name} as ${role}?`,
          confirmLabel: 'Approve',
          children: `${user.name} gets the ${role} role and can use the CRM the next time they sign in or select Check again.`,
        }
      : {
          title: `Change ${user.name}'s role to ${role}?`,
          confirmLabel: 'Change role',
          children: `${user.name} loses the ${roleLabel(user.roles)} role at once: their open pages sign in again with the new one.`,
        };
  }
  return change.enabled
    ? {
        title: `Reactivate ${user.name}?`,
        confirmLabel: 'Reactivate',
        children: `${user.name} can sign in again with their ${roleLabel(user.roles)} role.`,
      }
    : {
        title: `Deactivate ${user.name}?`,
        confirmLabel: 'Deactivate',
        danger: true,
        children: `${user.name} is signed out at once, on every device, and cannot sign in until an admin reactivates the account.`,
      };
}
