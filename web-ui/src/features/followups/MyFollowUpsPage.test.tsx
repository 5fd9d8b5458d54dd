import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aFollowUp } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server } from '../../test/server';

describe('My follow-ups', () => {
  it('shows my overdue, today’s and this week’s follow-ups, asking in my time zone', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(api('/follow-ups'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const due = params.get('due');
        const items =
          due === 'overdue'
            ? [aFollowUp(1, { title: 'Late call', dueAt: '2020-01-01T09:00:00Z' })]
            : due === 'week'
              ? [aFollowUp(2, { title: 'Visit' }), aFollowUp(3, { title: 'Offer' })]
              : [];
        return HttpResponse.json({ items, nextCursor: null });
      }),
    );
    renderApp('/follow-ups');

    expect(await screen.findByRole('heading', { level: 1, name: 'My follow-ups' })).toBeInTheDocument();
    const overdue = await screen.findByRole('list', { name: 'Overdue' });
    expect(within(overdue).getByText('Late call')).toBeInTheDocument();
    expect(within(overdue).getByText('Overdue')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'Customer 1' })).toHaveAttribute('href', '/customers/c-1');
    expect(await screen.findByText('Nothing more due today.')).toBeInTheDocument();
    const week = await screen.findByRole('list', { name: 'This week' });
    expect(within(week).getAllByRole('listitem')).toHaveLength(2);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(asked.every((params) => params.get('assignee') === 'me' && params.get('zone') === zone)).toBe(true);
    expect(asked.map((params) => params.get('due')).sort()).toEqual(['overdue', 'today', 'week']);
  });

  it('is in the navigation', async () => {
    const { user } = renderApp('/follow-ups');
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My follow-ups' })).toHaveAttribute('href', '/follow-ups');
  });
});
