import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage';
import { RequirePermission } from '../features/auth/RequirePermission';
import { SignedIn } from '../features/auth/SignedIn';

// Each page is its own chunk; the first load carries only the shell.
const CustomersListPage = lazy(() => import('../features/customers/CustomersListPage'));
const CustomerDetailPage = lazy(() => import('../features/customers/CustomerDetailPage'));
const CreateCustomerPage = lazy(() => import('../features/customers/CreateCustomerPage'));
const EditCustomerPage = lazy(() => import('../features/customers/EditCustomerPage'));
const ActivityFeedPage = lazy(() => import('../features/activities/ActivityFeedPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SignedIn />}>
        <Route index element={<Navigate to="/customers" replace />} />
        <Route
          path="customers"
          element={
            <RequirePermission permission="viewCustomers">
              <CustomersListPage />
            </RequirePermission>
          }
        />
        <Route
          path="customers/new"
          element={
            <RequirePermission permission="writeCustomers">
              <CreateCustomerPage />
            </RequirePermission>
          }
        />
        <Route
          path="customers/:id"
          element={
            <RequirePermission permission="viewCustomers">
              <CustomerDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="customers/:id/edit"
          element={
            <RequirePermission permission="writeCustomers">
              <EditCustomerPage />
            </RequirePermission>
          }
        />
        <Route
          path="activity"
          element={
            <RequirePermission permission="viewActivities">
              <ActivityFeedPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
