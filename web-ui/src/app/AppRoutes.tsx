import type { ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage';
import type { Permission } from '../features/auth/permissions';
import { RequirePermission } from '../features/auth/RequirePermission';
import { SignedIn } from '../features/auth/SignedIn';
import { useCan } from '../features/auth/useMe';
import { pages } from './pages';

/** Every page, the permission it needs, and its chunk (the first load carries only the shell). */
const PAGE_ROUTES: readonly { path: string; permission: Permission; Page: ComponentType }[] = [
  { path: 'customers', permission: 'viewCustomers', Page: pages.customersList.Page },
  { path: 'customers/new', permission: 'writeCustomers', Page: pages.createCustomer.Page },
  { path: 'customers/deleted', permission: 'restoreCustomers', Page: pages.recentlyDeleted.Page },
  { path: 'customers/:id', permission: 'viewCustomers', Page: pages.customerDetail.Page },
  { path: 'customers/:id/edit', permission: 'writeCustomers', Page: pages.editCustomer.Page },
  { path: 'leads', permission: 'viewLeads', Page: pages.leadsList.Page },
  { path: 'leads/board', permission: 'viewLeads', Page: pages.leadBoard.Page },
  { path: 'leads/new', permission: 'writeLeads', Page: pages.createLead.Page },
  { path: 'leads/:id', permission: 'viewLeads', Page: pages.leadDetail.Page },
  { path: 'leads/:id/edit', permission: 'writeLeads', Page: pages.editLead.Page },
  { path: 'activity', permission: 'viewActivities', Page: pages.activityFeed.Page },
  { path: 'follow-ups', permission: 'viewFollowUps', Page: pages.myFollowUps.Page },
  { path: 'payments', permission: 'managePayments', Page: pages.payments.Page },
  { path: 'users', permission: 'manageUsers', Page: pages.users.Page },
  { path: 'reports', permission: 'viewReports', Page: pages.reports.Page },
];

/** Home is the dashboard; a role without one lands on the customer list as before. */
function Home() {
  const mayView = useCan('viewDashboard');
  return mayView ? <pages.dashboard.Page /> : <Navigate to="/customers" replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SignedIn />}>
        <Route index element={<Home />} />
        {PAGE_ROUTES.map(({ path, permission, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequirePermission permission={permission}>
                <Page />
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
