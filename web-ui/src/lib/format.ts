const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}

export function formatDate(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : date.format(value);
}

const counts = new Intl.NumberFormat();

/** A count in the reader's locale: 148,151. */
export function formatCount(count: number): string {
  return counts.format(count);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as the API sends it (a decimal string in the currency's minor unit) in the reader's locale. The string is
 * formatted as it is, so a value is never rounded through binary floating point.
 */
export function formatMoney(value: string | null | undefined, currency: string): string {
  if (value === null || value === undefined || value === '') return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      return `${value} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  // Intl formats decimal strings exactly (a string is accepted where the type says number).
  return format.format(value as unknown as number);
}

/** Amounts per currency, as the reports send them: "€1,200.00 · $300.00", or "—" for none. */
export function formatMoneyList(amounts: readonly { currency: string; amount: string }[] | null | undefined): string {
  if (!amounts || amounts.length === 0) return '—';
  return amounts.map(({ amount, currency }) => formatMoney(amount, currency)).join(' · ');
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A ratio 0..1 as a percentage; "—" when there is none (nothing closed yet). */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || Number.isNaN(ratio) ? '—' : percent.format(ratio);
}
