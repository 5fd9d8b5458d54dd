import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';

export function NotFoundPage() {
  return (
    <Alert severity="info">
      This page does not exist.{' '}
      <Link component={RouterLink} to="/customers">
        Go to customers
      </Link>
    </Alert>
  );
}
