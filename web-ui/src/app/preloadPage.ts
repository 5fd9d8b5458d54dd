import { dashboardApi } from '../features/dashboard/dashboardApi';
import { customersApi } from '../features/customers/customersApi';
import { listArgsFrom } from '../features/customers/listArgs';
import { meApi } from '../features/auth/meApi';
import { ownLeadsOnly } from '../features/leads/access';
import { leadsApi } from '../features/leads/leadsApi';
import { boardArgsFrom, leadListArgsFrom } from '../features/leads/listArgs';
import { pages } from './pages';
import type { AppDispatch } from './store';

/** At start-up: who is signed in (the shell waits for it), and the first page's code and data, all at once. */
export function preloadStartPage(dispatch: AppDispatch): void {
  void dispatch(meApi.endpoints.getMe.initiate(undefined, { subscribe: false }));
  preloadPage(window.location.href, dispatch);
}

/**
 * Starts loading what a page shows first — its code and its first data — as soon as the user heads there (at start-up
 * or on a navigation click), so that both travel in parallel instead of the data waiting for the code to render.
 * The page's own query then finds the request in flight or done (RTK Query dedupes by arguments).
 */
export function preloadPage(url: string, dispatch: AppDispatch): void {
  const { pathname, searchParams } = new URL(url, window.location.origin);
  if (pathname === '/') {
    void pages.dashboard.preload();
    void dispatch(dashboardApi.endpoints.getDashboard.initiate(undefined, { subscribe: false }));
    void dispatch(dashboardApi.endpoints.getLayout.initiate(undefined, { subscribe: false }));
  } else if (pathname === '/customers') {
    void pages.customersList.preload();
    void dispatch(customersApi.endpoints.listCustomers.initiate(listArgsFrom(searchParams), { subscribe: false }));
  } else if (pathname === '/leads' || pathname === '/leads/board') {
    const board = pathname === '/leads/board';
    void (board ? pages.leadBoard : pages.leadsList).preload();
    // whose leads a page shows depends on the role: the signed-in user first (at once when known already)
    void dispatch(meApi.endpoints.getMe.initiate(undefined, { subscribe: false })).then(({ data: me }) => {
      if (!me) return;
      const ownOnly = ownLeadsOnly(me.roles);
      if (board) void dispatch(leadsApi.endpoints.getBoard.initiate(boardArgsFrom(searchParams, ownOnly), { subscribe: false }));
      else void dispatch(leadsApi.endpoints.listLeads.initiate(leadListArgsFrom(searchParams, ownOnly), { subscribe: false }));
    });
  }
}
