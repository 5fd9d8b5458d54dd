import { describe, expect, it } from 'vitest';
import { funnelChart } from './funnelChart';

describe('funnelChart', () => {
  it('plots the leads that reached each stage and lists their value per currency in the table', () => {
    const chart = funnelChart([
      { status: 'NEW', count: 12, value: [{ currency: 'EUR', amount: '1200.00' }, { currency: 'USD', amount: '50.00' }] },
      { status: 'IN_PROGRESS', count: 5, value: [{ currency: 'EUR', amount: '300.50' }] },
      { status: 'CLOSED_WON', count: 3, value: [] },
      { status: 'CLOSED_LOST', count: 2, value: [{ currency: 'USD', amount: '25.25' }] },
    ]);

    expect(chart.series.map(({ key }) => key)).toEqual(['count', 'value']);
    expect(chart.rows.map((row) => [row.label, row.values.count])).toEqual([
      ['Created', 22],
      ['Worked on', 10],
      ['Closed', 5],
      ['Won', 3],
    ]);
    expect(chart.rows[0]?.formatted.value).toBe('€1,500.50 · $75.25');
    expect(chart.rows[2]?.formatted.value).toBe('$25.25');
    expect(chart.rows[3]?.formatted).toEqual({ count: '3', value: '—' });
  });

  it('is empty without stages', () => {
    expect(funnelChart(undefined).rows).toEqual([]);
    expect(funnelChart([]).rows).toEqual([]);
  });
});
