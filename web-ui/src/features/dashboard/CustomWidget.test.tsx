import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryView } from './CustomWidget';
import type { QueryDefinition, QueryResult } from './types';

const wonBySource: QueryDefinition = {
  dataset: 'leads',
  metric: { function: 'sum', field: 'value' },
  groupBy: 'source',
  filters: [{ field: 'status', operator: 'eq', value: 'CLOSED_WON' }],
};
const won: QueryResult = {
  groupBy: 'source',
  rows: [
    { key: 'WEB', currency: 'EUR', value: '1000.00' },
    { key: 'PARTNER', currency: 'EUR', value: '500.50' },
    { key: 'WEB', currency: 'USD', value: '300.00' },
  ],
};

/** A browser measures the chart's box; jsdom has no ResizeObserver, so ChartFrame would offer the table alone. */
function measuredBoxes() {
  vi.stubGlobal('ResizeObserver', class {
    observe() {}
    unobserve() {}
    disconnect() {}
  });
}

describe('QueryView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a number widget as one figure per currency, money as money', () => {
    const totals: QueryResult = {
      groupBy: null,
      rows: [
        { key: null, currency: 'EUR', value: '1500.50' },
        { key: null, currency: 'USD', value: '300.00' },
      ],
    };
    render(<QueryView title="Won value" definition={{ ...wonBySource, groupBy: null }} result={totals} chart="number" height={200} />);

    expect(screen.getAllByRole('paragraph').map((figure) => figure.getAttribute('aria-label'))).toEqual([
      'Value (EUR): €1,500.50',
      'Value (USD): $300.00',
    ]);
  });

  it('shows a number widget of one count as that count', () => {
    const count: QueryDefinition = { dataset: 'customers', metric: { function: 'count', field: null }, groupBy: null, filters: [] };
    render(<QueryView title="Customers" definition={count} result={{ groupBy: null, rows: [{ key: null, currency: null, value: 1234 }] }} chart="number" height={200} />);

    expect(screen.getByRole('paragraph')).toHaveTextContent('1,234');
  });

  it('draws a pie of one currency at a time, named by its slices, and offers the same figures as a table', async () => {
    measuredBoxes();
    render(<QueryView title="Won by source" definition={wonBySource} result={won} chart="pie" height={300} />);

    expect(screen.getByRole('img', { name: /^Pie chart of Won by source: Web €1,000\.00, Partner €500\.50$/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'USD' }));
    expect(screen.getByRole('img', { name: /^Pie chart of Won by source: Web \$300\.00/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Won by source' });
    expect(within(table).getByRole('rowheader', { name: 'Web' })).toBeInTheDocument();
  });

  it('says a pie of nothing but zeros has no data rather than drawing an empty circle', () => {
    measuredBoxes();
    const none: QueryResult = { groupBy: 'source', rows: [{ key: 'WEB', currency: null, value: 0 }] };
    const count: QueryDefinition = { ...wonBySource, metric: { function: 'count', field: null } };
    render(<QueryView title="Won by source" definition={count} result={none} chart="pie" height={300} />);

    expect(screen.getByText('No data for this period.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
