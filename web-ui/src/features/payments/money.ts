/**
 * Amounts as exact decimal strings: validated and compared in integer minor units (BigInt), never through binary
 * floating point.
 */

import { plainAmount } from '../../lib/amount';

/** The currencies offered when recording a payment. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'KWD'] as const;

// ISO 4217 minor units where a runtime's Intl data might lack them; Intl answers for the rest.
const MINOR_UNITS: Record<string, number> = { EUR: 2, USD: 2, GBP: 2, CHF: 2, JPY: 0, KWD: 3, BHD: 3, CLP: 0 };

/** How many decimals the currency has: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnits(currency: string): number {
  const known = MINOR_UNITS[currency];
  if (known !== undefined) return known;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const AMOUNT = /^(\d+)(?:\.(\d*))?$/;

/**
 * The amount in minor units, or null when the text is not a positive-or-zero decimal of that scale (its thousands may
 * be grouped: "12,500.50"). `lenient` (for amounts the server sent) accepts trailing zeros beyond the scale ("20.000"
 * EUR).
 */
export function toMinor(text: string, currency: string, lenient = false): bigint | null {
  const match = AMOUNT.exec(plainAmount(text));
  if (!match) return null;
  const digits = minorUnits(currency);
  let fraction = match[2] ?? '';
  if (lenient && fraction.length > digits && /^0*$/.test(fraction.slice(digits))) fraction = fraction.slice(0, digits);
  if (fraction.length > digits) return null;
  return BigInt(match[1] + fraction.padEnd(digits, '0'));
}

/** Minor units back to the decimal string the API takes: 12050n EUR → "120.50", 1200n JPY → "1200". */
export function fromMinor(minor: bigint, currency: string): string {
  const digits = minorUnits(currency);
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/** The amount as typed, written in the currency's scale ("12.5" EUR → "12.50"); null when not valid. */
export function normalizedAmount(text: string, currency: string): string | null {
  const minor = toMinor(text, currency);
  return minor === null ? null : fromMinor(minor, currency);
}

/** Why the typed amount cannot be sent, or null when it can (at most {@code max} when given). */
export function amountError(text: string, currency: string, max?: string): string | null {
  if (!text.trim()) return 'Enter an amount';
  const digits = minorUnits(currency);
  const minor = toMinor(text, currency);
  if (minor === null) {
    if (/^\d+(\.\d+)?$/.test(plainAmount(text))) {
      return digits === 0 ? `${currency} has no decimals` : `At most ${digits} decimals for ${currency}`;
    }
    return 'Enter an amount like ' + (digits === 0 ? '1200' : `12.${'5'.padEnd(digits, '0')}`);
  }
  if (minor <= 0n) return 'Enter an amount above zero';
  if (max !== undefined) {
    const limit = toMinor(max, currency, true);
    if (limit !== null && minor > limit) return `At most ${fromMinor(limit, currency)} ${currency}`;
  }
  return null;
}

/** Whether any of a payment has been refunded (its refunded amount as the server sent it, above zero). */
export function anyRefunded(payment: { refundedAmount: string | null; currency: string }): boolean {
  return (toMinor(payment.refundedAmount ?? '0', payment.currency, true) ?? 0n) > 0n;
}

/** What is left to refund of a payment: amount − refunded, exactly. */
export function remaining(amount: string, refunded: string, currency: string): string {
  const paid = toMinor(amount, currency, true) ?? 0n;
  const back = toMinor(refunded || '0', currency, true) ?? 0n;
  return fromMinor(paid > back ? paid - back : 0n, currency);
}
