import { OPERATIONS, ROLES, type OperationName } from './permissionTable.generated';
import type { Role } from './types';

/**
 * What the UI offers, as operations of the permission table (config-repo/permissions.yml, generated into
 * permissionTable.generated.ts): a role may do a thing when every operation it takes grants that role, so the UI
 * offers only what the gateway and the services will allow.
 */
const NEEDS = {
  viewCustomers: ['customers.list', 'customers.get'],
  writeCustomers: ['customers.create', 'customers.update'],
  deleteCustomers: ['customers.delete'],
  // the owner filter of the list and the picker
  viewCustomerOwners: ['customers.owners'],
  assignCustomers: ['customers.owners', 'customers.set-owner'],
  restoreCustomers: ['customers.list-deleted', 'customers.restore'],
  importCustomers: ['customers.import'],
  // every customer a filter matches, as a file
  exportCustomers: ['customers.export'],
  viewActivities: ['activities.list'],
  manageUsers: ['users.list', 'users.set-role', 'users.set-enabled'],
  // a lead's score and its history are readable with the lead itself
  viewLeads: ['leads.list', 'leads.get', 'leads.board'],
  writeLeads: ['leads.create', 'leads.update', 'leads.set-status'],
  viewAssignees: ['leads.assignees'],
  assignLeads: ['leads.assignees', 'leads.assign'],
  viewDocuments: ['customers.documents-list', 'customers.documents-download'],
  attachDocuments: ['customers.documents-attach'],
  removeDocuments: ['customers.documents-remove'],
  viewTimeline: ['activities.timeline'],
  viewFollowUps: ['activities.follow-ups'],
  writeFollowUps: ['activities.follow-up-create', 'activities.follow-up-assignees'],
  closeFollowUps: ['activities.follow-up-complete', 'activities.follow-up-cancel'],
  // notes and communications: the record-level half (whose customer, whose note) is in features/notes/access.ts
  viewNotes: ['customers.notes-list', 'customers.notes-get'],
  addNotes: ['customers.notes-create'],
  changeNotes: ['customers.notes-update', 'customers.notes-delete'],
  viewLeadNotes: ['leads.notes-list', 'leads.notes-get'],
  addLeadNotes: ['leads.notes-create'],
  changeLeadNotes: ['leads.notes-update', 'leads.notes-delete'],
  viewCommunications: ['customers.communications-list', 'customers.communications-get'],
  logCommunications: ['customers.communications-create'],
  // payments: the record-level half (whose customer, whose lead) is the caller's, see features/payments
  viewPayments: ['payments.list', 'payments.totals', 'payments.get', 'payments.history', 'payments.refunds'],
  recordPayments: ['payments.create'],
  refundPayments: ['payments.refund'],
  settlePayments: ['payments.set-status'],
  // the list of every payment with its filters: for those who also refund and settle them
  managePayments: ['payments.list', 'payments.refund', 'payments.set-status'],
  // reports: every number counts what the caller may see (reporting-service applies the record-level rule)
  viewDashboard: ['reports.dashboard', 'reports.layout'],
  customizeDashboard: ['reports.layout-save', 'reports.layout-reset', 'reports.query'],
  // a custom widget's rows as a file
  exportWidgets: ['reports.query', 'reports.query-export'],
  publishDashboardLayouts: ['reports.layout-publish'],
  viewReports: ['reports.funnel', 'reports.revenue', 'reports.funnel-export', 'reports.revenue-export'],
  // support sees no one's sales performance
  viewSalesPerformance: ['reports.sales-performance', 'reports.sales-performance-export'],
} as const satisfies Record<string, readonly OperationName[]>;

export type Permission = keyof typeof NEEDS;

function grants(operation: OperationName, role: string): boolean {
  const { signedIn, roles } = OPERATIONS[operation];
  return signedIn || (roles as readonly string[]).includes(role);
}

function allows(permission: Permission, role: string): boolean {
  return NEEDS[permission].every((operation) => grants(operation, role));
}

/** The roles that may do a thing. */
export function rolesFor(permission: Permission): Role[] {
  return ROLES.filter((role) => allows(permission, role));
}

export function can(roles: readonly string[] | undefined, permission: Permission): boolean {
  return (roles ?? []).some((role) => allows(permission, role));
}

const ROLE_LABELS: Record<string, string> = {
  admin: 'Admin',
  manager: 'Manager',
  sales: 'Sales',
  support: 'Support',
};

export function roleLabel(roles: readonly string[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join(', ') || 'No role';
}
