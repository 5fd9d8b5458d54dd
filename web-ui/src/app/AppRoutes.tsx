import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage';
import { RequirePermission } from '../features/auth/RequirePermission';
import { SignedIn } from '../features/auth/SignedIn';
import { pages } from './pages';

// Each page is its own chunk; the first load carries only the shell.
const CustomersListPage = pages.customersList.Page;
const CustomerDetailPage = pages.customerDetail.Page;
const CreateCustomerPage = pages.createCustomer.Page;
const EditCustomerPage = pages.editCustomer.Page;
const ActivityFeedPage = pages.activityFeed.Page;

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
