import { describe, expect, it } from 'vitest';
import { funnelChart } from './funnelChart';
import type { FunnelStage } from './types';

describe('funnelChart', () => {
  it('plots the leads per stage and lists their value per currency in the table', () => {
    const chart = funnelChart([
      { status: 'NEW', count: 12, value: [{ currency: 'EUR', amount: '1200.00' }, { currency: 'USD', amount: '50.00' }] },
      { status: 'CLOSED_WON', count: 3, value: [] },
    ]);

    expect(chart.series.map(({ key }) => key)).toEqual(['count', 'value']);
    expect(chart.rows).toHaveLength(2);
    expect(chart.rows[0]).toMatchObject({ label: 'New', values: { count: 12 }, formatted: { count: '12' } });
    expect(chart.rows[0]?.formatted.value).toContain('€1,200.00');
    expect(chart.rows[0]?.formatted.value).toContain('$50.00');
    expect(chart.rows[1]).toMatchObject({ label: 'Won', values: { count: 3 }, formatted: { value: '—' } });
  });

  it('keeps a status it does not know by its name, and is empty without stages', () => {
    expect(funnelChart([{ status: 'ARCHIVED' as FunnelStage['status'], count: 1, value: [] }]).rows[0]?.label).toBe('ARCHIVED');
    expect(funnelChart(undefined).rows).toEqual([]);
  });
});
