import type { ComponentType } from 'react';
import type { Permission } from '../features/auth/permissions';
import {
  AddIcon,
  BoardIcon,
  DashboardIcon,
  EventIcon,
  HistoryIcon,
  LeadIcon,
  PaymentsIcon,
  PeopleIcon,
  PersonAddIcon,
  ReportsIcon,
  RestoreIcon,
} from './icons';

export interface NavItem {
  label: string;
  to: string;
  permission: Permission;
  Icon: ComponentType;
  /**
   * When the page's code comes: once the shell is idle (the default), or only when the pointer, a touch or the focus
   * reaches the entry, for a page whose code is large or rarely the next one (a form's fields, a restore bin, the
   * admins' user management).
   */
  preload?: 'idle' | 'intent';
}

/** Every page reachable from the navigation; each is shown only to roles that can use it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', to: '/', permission: 'viewDashboard', Icon: DashboardIcon },
  { label: 'Customers', to: '/customers', permission: 'viewCustomers', Icon: PeopleIcon },
  { label: 'New customer', to: '/customers/new', permission: 'writeCustomers', Icon: AddIcon, preload: 'intent' },
  { label: 'Recently deleted', to: '/customers/deleted', permission: 'restoreCustomers', Icon: RestoreIcon, preload: 'intent' },
  { label: 'Leads', to: '/leads', permission: 'viewLeads', Icon: LeadIcon },
  { label: 'Pipeline', to: '/leads/board', permission: 'viewLeads', Icon: BoardIcon },
  { label: 'Recent activity', to: '/activity', permission: 'viewActivities', Icon: HistoryIcon },
  { label: 'My follow-ups', to: '/follow-ups', permission: 'viewFollowUps', Icon: EventIcon },
  { label: 'Payments', to: '/payments', permission: 'managePayments', Icon: PaymentsIcon },
  { label: 'Reports', to: '/reports', permission: 'viewReports', Icon: ReportsIcon },
  { label: 'Users', to: '/users', permission: 'manageUsers', Icon: PersonAddIcon, preload: 'intent' },
];
