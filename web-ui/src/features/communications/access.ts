import type { Me } from '../auth/types';
import { can } from '../auth/permissions';
import type { CustomerRef } from '../notes/types';

/**
 * customer-service's record-level rule (own-records in the permission table): support, managers and admins log on any
 * customer, a sales user on the customers they own.
 */
const ANY_CUSTOMER = ['admin', 'manager', 'support'];

export function mayLogCommunication(me: Me | undefined, customer: CustomerRef): boolean {
  if (!me || !can(me.roles, 'logCommunications')) return false;
  return me.roles.some((role) => ANY_CUSTOMER.includes(role)) || (!!customer.ownerId && customer.ownerId === me.id);
}
