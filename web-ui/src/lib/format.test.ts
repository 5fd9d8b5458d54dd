import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney } from './format';

describe('format', () => {
  it('groups a count’s thousands as the reader does (a pipeline column of 148,151 leads)', () => {
    expect(formatCount(148151)).toBe(new Intl.NumberFormat().format(148151));
    expect(formatCount(148151)).not.toBe('148151');
  });

  it('writes an amount in its currency without rounding it through floating point', () => {
    expect(formatMoney('1500.50', 'EUR')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(1500.5));
    expect(formatMoney(null, 'EUR')).toBe('—');
  });
});
