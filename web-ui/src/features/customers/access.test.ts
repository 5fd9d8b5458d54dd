import { describe, expect, it } from 'vitest';
import { aCustomer, aUser } from '../../test/fixtures';
import { changesOwnCustomersOnly, mayChange } from './access';

describe('customer record-level rule', () => {
  it('lets sales change only the customers they own, managers and admins all', () => {
    const mine = aCustomer(1, { ownerId: 'u-1' });
    const theirs = aCustomer(2, { ownerId: 'u-2' });
    const nobodys = aCustomer(3, { ownerId: null });
    expect(changesOwnCustomersOnly(['sales'])).toBe(true);
    expect(mayChange(aUser(['sales']), mine)).toBe(true);
    expect(mayChange(aUser(['sales']), theirs)).toBe(false);
    expect(mayChange(aUser(['sales']), nobodys)).toBe(false);
    expect(mayChange(aUser(['manager']), theirs)).toBe(true);
    expect(mayChange(aUser(['admin', 'sales']), nobodys)).toBe(true);
    expect(mayChange(undefined, mine)).toBe(false);
  });
});
