import { describe, expect, it } from 'vitest';
import { plainAmount } from './amount';

describe('an amount as typed', () => {
  it('drops thousands separators, as people write large amounts', () => {
    expect(plainAmount('12,500.50')).toBe('12500.50');
    expect(plainAmount(' 1,234,567 ')).toBe('1234567');
    expect(plainAmount('12 500.50')).toBe('12500.50');
    expect(plainAmount('12\u00a0500')).toBe('12500');
    expect(plainAmount("1'200")).toBe('1200');
  });

  it('leaves what is no grouping for the caller to refuse', () => {
    expect(plainAmount('12,50')).toBe('12,50');
    expect(plainAmount('1,2345')).toBe('1,2345');
    expect(plainAmount('1,234 567')).toBe('1,234 567');
    expect(plainAmount(',500')).toBe(',500');
    expect(plainAmount('12500.50')).toBe('12500.50');
  });
});
