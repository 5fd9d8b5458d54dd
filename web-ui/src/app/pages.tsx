import { lazy, useEffect, type ComponentType } from 'react';

interface LazyPage {
  /** Starts loading the page's chunk (once; later calls share it). */
  preload: () => Promise<unknown>;
  Page: ComponentType;
}

/**
 * A page in its own chunk. Unlike a bare React.lazy, a page whose chunk was preloaded renders at once: it does not
 * suspend for a module that is already there (React would show the fallback and hold the page back).
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>, next: () => LazyPage[] = () => []): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    });
    return loading;
  };
  const Lazy = lazy(preload);
  function Page() {
    // the pages one click away from this one (a row's page, its edit form) come once the browser is idle
    useEffect(() => whenIdle(() => next().forEach((page) => void page.preload())), []);
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { preload, Page };
}

export const pages = {
  dashboard: lazyPage(() => import('../features/dashboard/DashboardPage')),
  reports: lazyPage(() => import('../features/reports/ReportsPage')),
  // the new-customer form (20 kB of a first visit's JavaScript) comes on intent: see preloadOnIntent
  customersList: lazyPage(() => import('../features/customers/CustomersListPage'), (): LazyPage[] => [pages.customerDetail]),
  customerDetail: lazyPage(() => import('../features/customers/CustomerDetailPage'), (): LazyPage[] => [pages.editCustomer, pages.leadDetail, pages.createLead]),
  createCustomer: lazyPage(() => import('../features/customers/CreateCustomerPage'), (): LazyPage[] => [pages.customerDetail]),
  editCustomer: lazyPage(() => import('../features/customers/EditCustomerPage')),
  recentlyDeleted: lazyPage(() => import('../features/customers/RecentlyDeletedPage')),
  activityFeed: lazyPage(() => import('../features/activities/ActivityFeedPage')),
  users: lazyPage(() => import('../features/users/UsersPage')),
  // the new-lead form comes on intent, as the new-customer form does
  leadsList: lazyPage(() => import('../features/leads/LeadsListPage'), (): LazyPage[] => [pages.leadDetail]),
  leadBoard: lazyPage(() => import('../features/leads/LeadBoardPage'), (): LazyPage[] => [pages.leadDetail]),
  leadDetail: lazyPage(() => import('../features/leads/LeadDetailPage'), (): LazyPage[] => [pages.editLead, pages.customerDetail]),
  createLead: lazyPage(() => import('../features/leads/CreateLeadPage'), (): LazyPage[] => [pages.leadDetail]),
  editLead: lazyPage(() => import('../features/leads/EditLeadPage')),
  myFollowUps: lazyPage(() => import('../features/followups/MyFollowUpsPage'), (): LazyPage[] => [pages.customerDetail]),
  payments: lazyPage(() => import('../features/payments/PaymentsPage')),
};

function whenIdle(work: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(work, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}

/** The page each navigation entry opens. */
const NAVIGATION_PAGES: Record<string, keyof typeof pages> = {
  '/': 'dashboard',
  '/customers': 'customersList',
  '/customers/new': 'createCustomer',
  '/customers/deleted': 'recentlyDeleted',
  '/leads': 'leadsList',
  '/leads/new': 'createLead',
  '/leads/board': 'leadBoard',
  '/activity': 'activityFeed',
  '/follow-ups': 'myFollowUps',
  '/payments': 'payments',
  '/users': 'users',
  '/reports': 'reports',
};

/**
 * Loads the code of the pages one click away — the navigation's entries the user has — once the shell is idle, so
 * that navigating waits for data only. A page's own neighbours (a row's page, an edit form) come when it shows.
 * build/firstLoadBudget.ts counts the same pages (`idlePreloads` in vite.config.ts).
 */
export function preloadNavigationPages(paths: readonly string[]): () => void {
  return whenIdle(() => paths.forEach(preloadNavigationPage));
}

/** Starts loading the code of a navigation entry's page (once; a known path only). */
export function preloadNavigationPage(path: string): void {
  const page = NAVIGATION_PAGES[path];
  if (page) void pages[page].preload();
}

/**
 * A link's handlers that start loading its page's code when the pointer, a touch or the focus reaches it: the click
 * that follows finds it there, and a visit that never gets that far does not pay for it.
 */
export function preloadOnIntent(path: string) {
  const intent = () => preloadNavigationPage(path);
  return { onPointerEnter: intent, onTouchStart: intent, onFocus: intent };
}
