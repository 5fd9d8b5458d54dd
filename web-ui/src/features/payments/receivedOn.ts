import { isoDate } from '../reports/period';

export type ReceivedOn = { paidAt?: string; error?: undefined } | { paidAt?: undefined; error: string };

/**
 * The `paidAt` of a payment received on a local date: none for today (the server takes the moment it records it), the
 * middle of an earlier day (so that the day stays the same in any time zone a reader is in, within ±12 hours), an
 * error for a later day or no date.
 */
export function receivedOn(date: string, now = new Date()): ReceivedOn {
  const noon = new Date(`${date}T12:00:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(noon.getTime())) {
    return { error: 'Enter the date the money came' };
  }
  const today = isoDate(now);
  if (date > today) return { error: 'Not in the future' };
  return date === today ? {} : { paidAt: noon.toISOString() };
}
