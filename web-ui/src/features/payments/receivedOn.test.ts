import { describe, expect, it } from 'vitest';
import { isoDate } from '../reports/period';
import { receivedOn } from './receivedOn';

describe('the date a payment was received', () => {
  const now = new Date(2026, 11, 5, 15, 30);

  it('leaves today to the server, which records the moment', () => {
    expect(isoDate(now)).toBe('2026-12-05');
    expect(receivedOn('2026-12-05', now)).toEqual({});
  });

  it('sends an earlier day as its local noon', () => {
    expect(receivedOn('2026-11-28', now)).toEqual({ paidAt: new Date(2026, 10, 28, 12, 0).toISOString() });
  });

  it('refuses a later day and no date', () => {
    expect(receivedOn('2026-12-06', now)).toEqual({ error: 'Not in the future' });
    expect(receivedOn('', now)).toEqual({ error: 'Enter the date the money came' });
    expect(receivedOn('2026-13-45', now)).toEqual({ error: 'Enter the date the money came' });
  });
});
