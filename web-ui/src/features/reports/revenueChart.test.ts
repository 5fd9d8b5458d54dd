import { describe, expect, it } from 'vitest';
import { revenueChart, revenueExportPeriod } from './revenueChart';
import type { Revenue } from './types';

describe('revenueChart', () => {
  it('plots each period by its amount and formats it in the report currency for the table', () => {
    const chart = revenueChart(
      {
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
      },
      new Date('2026-12-03T08:00:00Z'),
    );

    expect(chart.series).toEqual([{ key: 'amount', label: 'Revenue (USD)' }]);
    expect(chart.rows.map((row) => row.values.amount)).toEqual([1200.5, -20]);
    expect(chart.rows[0]?.formatted.amount).toBe('$1,200.50');
    expect(chart.rows[1]?.formatted.amount).toContain('20.00');
  });

  it('leaves out the periods still to come', () => {
    const points = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'].map((period) => ({ period, amount: '0.00' }));
    const revenue: Revenue = { currency: 'EUR', granularity: 'day', from: '2026-11-30', to: '2026-12-04', points, total: '0.00', currencies: [] };

    const chart = revenueChart(revenue, new Date('2026-12-02T23:30:00Z'));

    expect(chart.rows.map((row) => row.label)).toEqual(['Nov 30, 2026', 'Dec 1, 2026', 'Dec 2, 2026']);
  });

  it('is empty before the report arrives', () => {
    expect(revenueChart(undefined).rows).toEqual([]);
  });

  it('cuts the export where the chart stops, at today, and leaves past and future periods whole', () => {
    const now = new Date('2026-12-06T23:30:00Z');
    expect(revenueExportPeriod({ from: '2026-12-01', to: '2027-01-01' }, now)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(revenueExportPeriod({ from: '2026-11-01', to: '2026-12-01' }, now)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(revenueExportPeriod({ from: '2027-01-01', to: '2027-02-01' }, now)).toEqual({ from: '2027-01-01', to: '2027-02-01' });
  });
});
