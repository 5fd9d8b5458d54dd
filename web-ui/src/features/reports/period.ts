import type { Period } from './types';

export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-quarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  custom: 'Custom',
};

const pad = (n: number) => String(n).padStart(2, '0');
/** A date of the reader's calendar as the API's ISO date. */
export const isoDate = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The day after an ISO date (the API's `to` is exclusive, a person picks the last day). */
export function dayAfter(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return isoDate(new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1));
}

/** The day before an ISO date: the last day of a period whose `to` is exclusive. */
export function dayBefore(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return isoDate(new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) - 1));
}

/**
 * The period a preset stands for on the reader's calendar, `to` exclusive. Custom takes the picked first and last
 * day; it is incomplete (null) until both are picked and in order.
 */
export function periodOf(preset: PeriodPreset, now: Date, custom: { first?: string; last?: string } = {}): Period | null {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (preset) {
    case 'this-month':
      return { from: isoDate(new Date(year, month, 1)), to: isoDate(new Date(year, month + 1, 1)) };
    case 'last-month':
      return { from: isoDate(new Date(year, month - 1, 1)), to: isoDate(new Date(year, month, 1)) };
    case 'this-quarter': {
      const first = month - (month % 3);
      return { from: isoDate(new Date(year, first, 1)), to: isoDate(new Date(year, first + 3, 1)) };
    }
    case 'custom':
      if (!custom.first || !custom.last || custom.first > custom.last) return null;
      return { from: custom.first, to: dayAfter(custom.last) };
  }
}

export function isPreset(value: string | null): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value ?? '');
}

/** The query string of a period, for the API and exports. */
export function periodParams(period: Period): Record<string, string> {
  const params: Record<string, string> = {};
  if (period.from) params.from = period.from;
  if (period.to) params.to = period.to;
  return params;
}
