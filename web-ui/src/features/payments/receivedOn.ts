/** A date input's value for the reader's today (yyyy-mm-dd, local). */
export function todayInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type ReceivedOn = { paidAt?: string; error?: undefined } | { paidAt?: undefined; error: string };

/**
 * The `paidAt` of a payment received on a local date: none for today (the server takes the moment it records it), the
 * middle of an earlier day (so that the day stays the same in any time zone a reader is in, within ±12 hours), an
 * error for a later day or no date.
 */
export function receivedOn(date: string, now = new Date()): ReceivedOn {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T12:00:00`).getTime())) {
    return { error: 'Enter the date the money came' };
  }
  const today = todayInput(now);
  if (date > today) return { error: 'Not in the future' };
  return date === today ? {} : { paidAt: new Date(`${date}T12:00:00`).toISOString() };
}
