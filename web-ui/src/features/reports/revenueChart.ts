import type { ChartData } from '../../components/charts/chartData';
import { formatDate, formatMoney } from '../../lib/format';
import type { Revenue } from './types';

/**
 * The revenue report as a chart: one point per period up to today's (UTC, as the report counts), its amount in the
 * report's currency. Periods still to come are left out rather than drawn as days without revenue.
 */
export function revenueChart(revenue: Revenue | undefined, now: Date = new Date()): ChartData {
  const today = now.toISOString().slice(0, 10);
  return {
    series: [{ key: 'amount', label: `Revenue (${revenue?.currency ?? ''})` }],
    rows: (revenue?.points ?? [])
      .filter((point) => point.period <= today)
      .map((point) => ({
        label: formatDate(point.period),
        values: { amount: Number(point.amount) },
        formatted: { amount: formatMoney(point.amount, revenue?.currency ?? 'EUR') },
      })),
  };
}

/**
 * The period of the revenue export: the one shown, cut where the chart stops (today, UTC) so the file holds no rows of
 * days still to come; a period wholly ahead stays as it is.
 */
export function revenueExportPeriod(params: Record<string, string>, now: Date = new Date()): Record<string, string> {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
  const { from, to } = params;
  return from && to && from < tomorrow && to > tomorrow ? { ...params, to: tomorrow } : params;
}
