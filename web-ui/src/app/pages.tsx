import { lazy, type ComponentType } from 'react';

interface LazyPage {
  /** Starts loading the page's chunk (once; later calls share it). */
  preload: () => Promise<unknown>;
  Page: ComponentType;
}

/**
 * A page in its own chunk. Unlike a bare React.lazy, a page whose chunk was preloaded renders at once: it does not
 * suspend for a module that is already there (React would show the fallback and hold the page back).
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
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
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { preload, Page };
}

export const pages = {
  customersList: lazyPage(() => import('../features/customers/CustomersListPage')),
  customerDetail: lazyPage(() => import('../features/customers/CustomerDetailPage')),
  createCustomer: lazyPage(() => import('../features/customers/CreateCustomerPage')),
  editCustomer: lazyPage(() => import('../features/customers/EditCustomerPage')),
  recentlyDeleted: lazyPage(() => import('../features/customers/RecentlyDeletedPage')),
  activityFeed: lazyPage(() => import('../features/activities/ActivityFeedPage')),
  users: lazyPage(() => import('../features/users/UsersPage')),
  leadsList: lazyPage(() => import('../features/leads/LeadsListPage')),
  leadBoard: lazyPage(() => import('../features/leads/LeadBoardPage')),
  leadDetail: lazyPage(() => import('../features/leads/LeadDetailPage')),
  createLead: lazyPage(() => import('../features/leads/CreateLeadPage')),
  editLead: lazyPage(() => import('../features/leads/EditLeadPage')),
  myFollowUps: lazyPage(() => import('../features/followups/MyFollowUpsPage')),
  payments: lazyPage(() => import('../features/payments/PaymentsPage')),
};

/** Loads every page's code in the background, once the shell is idle, so that navigating waits for data only. */
export function preloadAllPages(): void {
  const load = () => Object.values(pages).forEach((page) => void page.preload());
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
