import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { preloadNavigationPages } from '../app/pages';
import { can } from '../features/auth/permissions';
import type { Me } from '../features/auth/types';
import { ErrorBoundary } from './ErrorBoundary';
import { NAV_ITEMS } from './navigation';
import { NavList } from './NavList';
import { PageLoading } from './PageLoading';
import { RateLimitNotice } from './RateLimitNotice';
import { ServiceBanner } from './ServiceBanner';
import { TopBar } from './TopBar';

const DRAWER_WIDTH = 220;

/** Top bar, role-filtered navigation (a drawer on narrow screens), notices, and the current page. */
export function AppShell({ me }: { me: Me }) {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const roles = me.roles;
  useEffect(
    () =>
      preloadNavigationPages(
        NAV_ITEMS.filter((item) => can(roles, item.permission) && item.preload !== 'intent').map((item) => item.to),
      ),
    [roles],
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: -9999,
          '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
        }}
      >
        Skip to content
      </Link>
      <TopBar me={me} showMenuButton={!wide} onMenuClick={() => setDrawerOpen(true)} />
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || drawerOpen}
        onClose={() => setDrawerOpen(false)}
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
      >
        <Toolbar />
        <NavList roles={me.roles} onNavigate={() => setDrawerOpen(false)} />
      </Drawer>
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 1.5, sm: 3 } }}>
        <Toolbar />
        <Stack spacing={2}>
          <ServiceBanner />
          <RateLimitNotice />
          {/* One boundary for every page: navigations are transitions, so the current page stays until the
              next one's code has loaded, instead of a spinner flashing and React holding the new page back. */}
          <Suspense fallback={<PageLoading />}>
            <ErrorBoundary key={pathname}>
              <Outlet />
            </ErrorBoundary>
          </Suspense>
        </Stack>
      </Box>
    </Box>
  );
}
