import type { Activity } from '../features/activities/activitiesApi';
import type { TimelineEntry } from '../features/activities/timelineApi';
import type { FollowUp } from '../features/followups/types';
import type { Me } from '../features/auth/types';
import type { Customer } from '../features/customers/types';
import type { DashboardSummary } from '../features/dashboard/types';
import { LEAD_STATUSES, type Board, type Lead } from '../features/leads/types';
import type { Payment } from '../features/payments/types';
import type { AdminUser } from '../features/users/types';

export function aUser(roles: string[] = ['sales']): Me {
  return { id: 'u-1', username: 'sales1', name: 'Sam Sales', email: 'sam@example.com', roles };
}

export function aCustomer(n: number, overrides: Partial<Customer> = {}): Customer {
  return {
    id: `c-${n}`,
    name: `Customer ${n}`,
    email: `customer${n}@example.com`,
    phone: '+1 555 0100',
    company: 'Northwind Traders',
    tags: ['vip'],
    ownerId: 'u-1',
    ownerName: 'Sam Sales',
    createdAt: '2026-01-02T03:04:05Z',
    updatedAt: '2026-01-02T03:04:05Z',
    version: 0,
    ...overrides,
  };
}

export function anActivity(n: number, customerId: string): Activity {
  return {
    id: `a-${n}`,
    customerId,
    customerName: `Customer ${customerId}`,
    kind: 'customer',
    userId: '5e0c2a3b-0000-4000-8000-000000000003',
    userName: 'Sam Seller',
    action: 'customer.created',
    summary: `Created customer ${customerId}`,
    timestamp: '2026-01-02T03:04:05Z',
    correlationId: null,
  };
}

export function anAdminUser(n: number, overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: `user-${n}`,
    username: `user${n}`,
    name: `User ${n}`,
    email: `user${n}@example.com`,
    enabled: true,
    roles: ['sales'],
    createdTimestamp: Date.UTC(2026, 10, 30),
    pending: false,
    ...overrides,
  };
}

export function aLead(n: number, overrides: Partial<Lead> = {}): Lead {
  return {
    id: `l-${n}`,
    customerId: 'c-1',
    customerName: 'Customer 1',
    title: `Lead ${n}`,
    source: 'WEB',
    value: '12500.00',
    currency: 'EUR',
    status: 'NEW',
    lostReason: null,
    assignedTo: 'u-1',
    assigneeName: 'Sam Sales',
    score: 42,
    version: 0,
    createdAt: '2026-01-02T03:04:05Z',
    updatedAt: '2026-01-02T03:04:05Z',
    closedAt: null,
    ...overrides,
  };
}

/** A board whose columns hold the given leads, counted and summed as lead-service would. */
export function aBoard(leads: Lead[]): Board {
  return {
    columns: LEAD_STATUSES.map((status) => {
      const items = leads.filter((lead) => lead.status === status);
      const totals = new Map<string, number>();
      items.forEach((lead) => totals.set(lead.currency, (totals.get(lead.currency) ?? 0) + Number(lead.value)));
      return {
        status,
        count: items.length,
        totals: [...totals].map(([currency, value]) => ({ currency, value: value.toFixed(2) })),
        items,
        nextCursor: null,
      };
    }),
  };
}

export function aTimelineEntry(n: number, customerId: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: `t-${n}`,
    customerId,
    kind: 'customer',
    type: 'customer.created',
    summary: `Created customer ${customerId}`,
    actorId: '5e0c2a3b-0000-4000-8000-000000000003',
    actorName: 'Sam Seller',
    occurredAt: '2026-01-02T03:04:05Z',
    leadId: null,
    correlationId: null,
    ...overrides,
  };
}

export function aFollowUp(n: number, overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: `f-${n}`,
    customerId: 'c-1',
    customerName: 'Customer 1',
    leadId: null,
    leadTitle: null,
    title: `Follow-up ${n}`,
    notes: null,
    dueAt: '2099-01-02T09:00:00Z',
    assignee: 'u-1',
    assigneeName: 'Sam Sales',
    status: 'OPEN',
    createdBy: 'u-1',
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    closedAt: null,
    version: 0,
    ...overrides,
  };
}

export function aPayment(n: number, overrides: Partial<Payment> = {}): Payment {
  return {
    id: `p-${n}`,
    customerId: 'c-1',
    customerName: 'Customer 1',
    leadId: null,
    leadTitle: null,
    amount: '120.00',
    currency: 'EUR',
    status: 'COMPLETED',
    method: 'CARD',
    externalRef: null,
    refundedAmount: '0.00',
    paidAt: '2026-01-02T03:04:05Z',
    createdAt: '2026-01-02T03:04:05Z',
    updatedAt: '2026-01-02T03:04:05Z',
    createdBy: 'u-1',
    createdByName: 'Sam Sales',
    version: 0,
    ...overrides,
  };
}

export function aDashboard(overrides: Partial<DashboardSummary> = {}): DashboardSummary {
  return {
    customers: 1200,
    newCustomers: 34,
    openLeads: 87,
    pipelineValue: [{ currency: 'EUR', amount: '125000.00' }],
    revenue: [{ currency: 'EUR', amount: '4200.50' }],
    wonLeads: 5,
    lostLeads: 3,
    conversionRate: 0.625,
    followUpsDue: 4,
    from: '2026-12-01',
    to: '2027-01-01',
    asOf: '2026-12-02T10:00:00Z',
    ...overrides,
  };
}
