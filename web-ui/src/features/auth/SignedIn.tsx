import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { httpStatus } from '../../api/problem';
import { takeReturnTo } from '../../api/signIn';
import { AppShell } from '../../components/AppShell';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { isAwaitingApproval } from './approval';
import { useGetMeQuery } from './meApi';
import { WaitingForApproval } from './WaitingForApproval';

/**
 * Loads the signed-in user (a 401 sends the browser to sign in) and then renders the shell, or, for a user without a
 * CRM role, the waiting-for-approval page at whatever address was opened.
 */
export function SignedIn() {
  const { data: me, error, isLoading, refetch } = useGetMeQuery();
  const navigate = useNavigate();

  useEffect(() => {
    if (!me || isAwaitingApproval(me.roles)) return;
    const returnTo = takeReturnTo();
    if (returnTo) void navigate(returnTo, { replace: true });
  }, [me, navigate]);

  if (me) return isAwaitingApproval(me.roles) ? <WaitingForApproval me={me} /> : <AppShell me={me} />;
  if (isLoading || httpStatus(error) === 401) return <PageLoading label="Signing in" />;
  return (
    <Container sx={{ mt: 4 }}>
      <ErrorAlert
        error={error}
        action={
          <Button color="inherit" onClick={() => void refetch()}>
            Try again
          </Button>
        }
      />
    </Container>
  );
}
