import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { LOGIN_PATH } from '../../api/signIn';
import { signOut } from './signOut';
import type { Me } from './types';

/**
 * What a signed-in user without a CRM role sees at every address: no navigation, no CRM data. Roles travel in the
 * session's tokens, so "Check again" signs in afresh (Keycloak's session makes that a quick round trip).
 */
export function WaitingForApproval({ me }: { me: Me }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="static">
        <Toolbar>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            CRM
          </Typography>
          <Button
            color="inherit"
            disabled={leaving}
            onClick={() => {
              setLeaving(true);
              signOut();
            }}
          >
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="sm" sx={{ py: { xs: 3, sm: 6 } }}>
        <Paper variant="outlined" sx={{ p: { xs: 2.5, sm: 4 } }}>
          <Stack spacing={2}>
            <Typography variant="h5" component="h1">
              Waiting for approval
            </Typography>
            <Typography>
              Welcome, <strong>{me.name || me.username}</strong>. Your account
              {me.email ? ` (${me.email})` : ''} has been created, but it cannot open the CRM yet.
            </Typography>
            <Typography variant="h6" component="h2">
              What happens next
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 3, '& li': { mb: 1 } }}>
              <li>An administrator reviews your account and gives you a role: Sales, Support, Manager or Admin.</li>
              <li>You don&apos;t need to do anything meanwhile. Ask your administrator if it is urgent.</li>
              <li>Once you have been approved, select Check again (or sign in later) to start working.</li>
              <li>Not you, or done for now? Sign out at the top of the page.</li>
            </Box>
            <Box>
              <Button variant="contained" disabled={leaving} onClick={() => window.location.assign(LOGIN_PATH)}>
                Check again
              </Button>
            </Box>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
