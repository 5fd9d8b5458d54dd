import type { Activity } from '../features/activities/activitiesApi';
import type { Me } from '../features/auth/types';
import type { Customer } from '../features/customers/types';
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
