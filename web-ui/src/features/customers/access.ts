import type { Me } from '../auth/types';
import type { Customer } from './types';

/**
 * customer-service's record-level rule (`own-records: [sales]` on customers.update): everyone who may list customers
 * reads them all, admins and managers change every customer, a sales user only the ones they own.
 */
const CHANGE_EVERY_CUSTOMER = ['admin', 'manager'];

export function changesOwnCustomersOnly(roles: readonly string[] | undefined): boolean {
  return !(roles ?? []).some((role) => CHANGE_EVERY_CUSTOMER.includes(role));
}

/** Whether this user may change this customer, given that their role may change customers at all. */
export function mayChange(me: Me | undefined, customer: Customer): boolean {
  return !changesOwnCustomersOnly(me?.roles) || (me !== undefined && customer.ownerId === me.id);
}
