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
