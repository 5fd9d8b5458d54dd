import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { NavLink, useLocation } from 'react-router';
import { useAppDispatch } from '../app/hooks';
import { preloadOnIntent } from '../app/pages';
import { preloadPage } from '../app/preloadPage';
import { can } from '../features/auth/permissions';
import { NAV_ITEMS } from './navigation';

interface Props {
  roles: readonly string[];
  onNavigate?: () => void;
}

export function NavList({ roles, onNavigate }: Props) {
  const { pathname } = useLocation();
  const dispatch = useAppDispatch();
  const items = NAV_ITEMS.filter((item) => can(roles, item.permission));
  // The most specific item that matches the current page is the current one.
  const current = items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <nav aria-label="Main">
      <List>
        {items.map(({ label, to, Icon, preload }) => {
          return (
            <ListItem key={to} disablePadding>
              <ListItemButton
                component={NavLink}
                to={to}
                end
                selected={current?.to === to}
                aria-current={current?.to === to ? 'page' : undefined}
                {...(preload === 'intent' ? preloadOnIntent(to) : {})}
                onClick={() => {
                  preloadPage(to, dispatch);
                  onNavigate?.();
                }}
              >
                <ListItemIcon>
                  <Icon />
                </ListItemIcon>
                <ListItemText primary={label} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
    </nav>
  );
}
