import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  palette: { primary: { main: '#1f5fa8' }, secondary: { main: '#7b3fa0' } },
  components: {
    // A focus ring that is always visible for keyboard users.
    MuiButtonBase: {
      styleOverrides: {
        root: { '&.Mui-focusVisible': { outline: '3px solid #f5a623', outlineOffset: 2 } },
      },
    },
    MuiLink: {
      styleOverrides: { root: { '&:focus-visible': { outline: '3px solid #f5a623', outlineOffset: 2 } } },
    },
  },
});
