import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import { useAppSelector } from '../app/hooks';

/** "Too many requests, retrying in N s" while the network layer waits out a 429's Retry-After. */
export function RateLimitNotice() {
  const rateLimit = useAppSelector((state) => state.notices.rateLimit);
  if (rateLimit === null) return null;
  return <Countdown key={rateLimit.id} seconds={rateLimit.seconds} />;
}

function Countdown({ seconds }: { seconds: number }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Alert severity="warning" role="status">
      Too many requests, retrying in {left} s
    </Alert>
  );
}
