import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useState } from 'react';
import { roleLabel } from '../features/auth/permissions';
import { signOut } from '../features/auth/signOut';
import type { Me } from '../features/auth/types';
import { MenuIcon, SearchIcon } from './icons';

// the search's code comes when the pointer, a touch or the focus reaches its button, or with the shortcut
const loadQuickSearch = () => import('../features/search/QuickSearch');
const QuickSearch = lazy(loadQuickSearch);

/** Whether the search is open; Ctrl+K (⌘K on a Mac) opens it from anywhere, as in most web apps. */
function useSearchOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return [open, setOpen];
}

interface Props {
  me: Me;
  showMenuButton: boolean;
  onMenuClick: () => void;
}

export function TopBar({ me, showMenuButton, onMenuClick }: Props) {
  const [signingOut, setSigningOut] = useState(false);
  const [searching, setSearching] = useSearchOpen();
  return (
    <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar>
        {showMenuButton && (
          <IconButton color="inherit" edge="start" aria-label="Open navigation" onClick={onMenuClick} sx={{ mr: 1 }}>
            <MenuIcon />
          </IconButton>
        )}
        <Typography variant="h6" component="div" sx={{ flexGrow: 1, mr: 1 }}>
          CRM
        </Typography>
        <IconButton
          color="inherit"
          // not "Search customers…": the lists' own search boxes are named so
          aria-label="Quick search"
          aria-keyshortcuts="Control+K Meta+K"
          title="Quick search: customers and leads (Ctrl+K)"
          onClick={() => setSearching(true)}
          onPointerEnter={() => void loadQuickSearch()}
          onFocus={() => void loadQuickSearch()}
          sx={{ mr: 1 }}
        >
          <SearchIcon />
        </IconButton>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 1, minWidth: 0 }}>
          {/* on a phone the name has the room, the role its tooltip: who is signed in matters more */}
          <Typography noWrap aria-label="Signed in as" title={roleLabel(me.roles)} sx={{ maxWidth: { xs: 130, sm: 'none' } }}>
            {me.name || me.username}
          </Typography>
          <Chip
            size="small"
            label={roleLabel(me.roles)}
            sx={{ color: 'inherit', borderColor: 'currentColor', display: { xs: 'none', sm: 'inline-flex' } }}
            variant="outlined"
          />
        </Box>
        <Button
          color="inherit"
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            signOut();
          }}
        >
          Sign out
        </Button>
      </Toolbar>
      {searching && (
        <Suspense fallback={null}>
          <QuickSearch onClose={() => setSearching(false)} />
        </Suspense>
      )}
    </AppBar>
  );
}
