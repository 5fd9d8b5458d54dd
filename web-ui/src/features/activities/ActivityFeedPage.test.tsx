import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { anActivity } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';

describe('The recent-activity feed', () => {
  it('shows every kind, narrows to the chosen ones and says so when none of them happened', async () => {
    const kinds: (string | null)[] = [];
    server.use(
      http.get(api('/activities'), ({ request }) => {
        const kind = new URL(request.url).searchParams.get('kind');
        kinds.push(kind);
        if (kind === 'payment') {
          return HttpResponse.json({
            items: [{ ...anActivity(2, 'c-2'), kind: 'payment', action: 'payment.recorded', summary: 'Payment of EUR 120.00 recorded (card)' }],
            nextCursor: null,
          });
        }
        if (kind === 'payment,score') return HttpResponse.json({ items: [], nextCursor: null });
        if (kind === 'score') {
          return HttpResponse.json({
            items: [{ ...anActivity(1, 'c-1'), kind: 'score', action: 'lead.scored', summary: 'Lead Renewal scored 37' }],
            nextCursor: null,
          });
        }
        return HttpResponse.json({
          items: [{ ...anActivity(3, 'c-3'), customerName: 'Acme Ltd', kind: 'note', action: 'customer.note-added', summary: 'Note added to Acme' }],
          nextCursor: null,
        });
      }),
    );
    signedInAs(['manager']);
    const { user } = renderApp('/activity');

    const list = await screen.findByRole('list', { name: 'All activity' });
    expect(list).toHaveTextContent('Note added to Acme');
    // every kind but scores (a lead's rescoring would crowd out what people did), until scores are chosen
    expect(kinds[0]).toBe('customer,lead,note,document,communication,follow-up,payment');
    // each entry names its customer and its kind, and leads to the customer
    const note = within(list).getByRole('link', { name: /Note added to Acme/ });
    expect(note).toHaveAttribute('href', '/customers/c-3');
    expect(note).toHaveTextContent(/Note added to AcmeAcme Ltd · .+ · Notes · by Sam Seller$/);

    const filters = screen.getByRole('group', { name: 'Show only' });
    await user.click(within(filters).getByRole('button', { name: 'Payments' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'All activity' })).toHaveTextContent('Payment of EUR 120.00 recorded (card)'),
    );
    expect(screen.getByRole('list', { name: 'All activity' })).not.toHaveTextContent('Note added to Acme');
    expect(within(filters).getByRole('button', { name: 'Payments' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(filters).getByRole('button', { name: 'Scores' }));
    expect(await screen.findByText('Nothing of these kinds yet.')).toBeVisible();
    expect(kinds).toContain('payment,score');
    await user.click(within(filters).getByRole('button', { name: 'Payments' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'All activity' })).toHaveTextContent('Lead Renewal scored 37'));
  });
});
