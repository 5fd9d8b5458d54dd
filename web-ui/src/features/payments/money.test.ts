import { describe, expect, it } from 'vitest';
import { amountError, fromMinor, minorUnits, normalizedAmount, remaining, toMinor } from './money';

describe('amounts in minor units', () => {
  it('knows the decimals of EUR, JPY and KWD', () => {
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
  });

  it('accepts an amount of the currency’s scale and writes it out in full', () => {
    expect(amountError('12.5', 'EUR')).toBeNull();
    expect(normalizedAmount('12.5', 'EUR')).toBe('12.50');
    expect(normalizedAmount('1200', 'JPY')).toBe('1200');
    expect(normalizedAmount('1.25', 'KWD')).toBe('1.250');
    expect(normalizedAmount('0.001', 'KWD')).toBe('0.001');
    expect(normalizedAmount('12,500.5', 'EUR')).toBe('12500.50');
    expect(amountError('1,200,000', 'JPY')).toBeNull();
  });

  it('refuses more decimals than the currency has, and what is not an amount', () => {
    expect(amountError('12.345', 'EUR')).toBe('At most 2 decimals for EUR');
    expect(amountError('12.345', 'KWD')).toBeNull();
    expect(amountError('1.2345', 'KWD')).toBe('At most 3 decimals for KWD');
    expect(amountError('1200.5', 'JPY')).toBe('JPY has no decimals');
    expect(amountError('', 'EUR')).toBe('Enter an amount');
    expect(amountError('0', 'EUR')).toBe('Enter an amount above zero');
    expect(amountError('-5', 'EUR')).toMatch(/^Enter an amount like/);
    expect(amountError('1e3', 'EUR')).toMatch(/^Enter an amount like/);
    expect(amountError('12,50', 'EUR')).toMatch(/^Enter an amount like/);
  });

  it('stays exact where binary floating point would not', () => {
    expect(toMinor('0.1', 'EUR')! + toMinor('0.2', 'EUR')!).toBe(toMinor('0.3', 'EUR'));
    expect(fromMinor(toMinor('90071992547409.93', 'EUR')! + 1n, 'EUR')).toBe('90071992547409.94');
    expect(remaining('120.00', '20.01', 'EUR')).toBe('99.99');
    expect(remaining('1.250', '0.001', 'KWD')).toBe('1.249');
    expect(remaining('1200', '1200', 'JPY')).toBe('0');
  });

  it('limits an amount to a maximum', () => {
    expect(amountError('100.01', 'EUR', '100.00')).toBe('At most 100.00 EUR');
    expect(amountError('100', 'EUR', '100.00')).toBeNull();
  });
});
