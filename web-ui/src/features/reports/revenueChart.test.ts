import { describe, expect, it } from 'vitest';
import { revenueChart } from './revenueChart';

describe('revenueChart', () => {
  it('plots each period by its amount and formats it in the report currency for the table', () => {
    const chart = revenueChart({
      currency: 'USD',
      granularity: 'day',
      from: '2026-12-01',
      to: '2026-12-03',
      points: [
        { period: '2026-12-01', amount: '1200.50' },
        { period: '2026-12-02', amount: '-20.00' },
      ],
      total: '1180.50',
      currencies: ['EUR', 'USD'],
    });

    expect(chart.series).toEqual([{ key: 'amount', label: 'Revenue (USD)' }]);
    expect(chart.rows.map((row) => row.values.amount)).toEqual([1200.5, -20]);
    expect(chart.rows[0]?.formatted.amount).toBe('$1,200.50');
    expect(chart.rows[1]?.formatted.amount).toContain('20.00');
  });

  it('is empty before the report arrives', () => {
    expect(revenueChart(undefined).rows).toEqual([]);
  });
});
