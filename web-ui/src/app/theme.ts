import { createTheme, type ThemeOptions } from '@mui/material/styles';

/** Users who ask their system for less motion get none: no ripples, no sliding or fading, dialogs appear at once. */
const prefersReducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const withoutMotion: ThemeOptions = {
  transitions: {
    create: () => 'none',
    duration: { shortest: 0, shorter: 0, short: 0, standard: 0, complex: 0, enteringScreen: 0, leavingScreen: 0 },
  },
};

export const theme = createTheme({
  palette: { primary: { main: '#1f5fa8' }, secondary: { main: '#7b3fa0' } },
  ...(prefersReducedMotion ? withoutMotion : {}),
  components: {
    // A focus ring that is always visible for keyboard users.
    MuiButtonBase: {
      defaultProps: { disableRipple: prefersReducedMotion },
      styleOverrides: {
        root: { '&.Mui-focusVisible': { outline: '3px solid #f5a623', outlineOffset: 2 } },
      },
    },
    MuiLink: {
      styleOverrides: { root: { '&:focus-visible': { outline: '3px solid #f5a623', outlineOffset: 2 } } },
    },
  },
});
