import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './permissionTable.generated';
import { can, rolesFor } from './permissions';

describe('permissions', () => {
  it('offers each thing to exactly the roles the permission table grants', () => {
    expect(rolesFor('viewCustomers')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('writeCustomers')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('deleteCustomers')).toEqual(['admin', 'manager']);
    expect(rolesFor('viewActivities')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewLeads')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('writeLeads')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('assignLeads')).toEqual(['admin', 'manager']);
    expect(rolesFor('assignCustomers')).toEqual(['admin', 'manager']);
    expect(rolesFor('restoreCustomers')).toEqual(['admin', 'manager']);
    expect(rolesFor('viewCustomerOwners')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewFollowUps')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('writeFollowUps')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('closeFollowUps')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewTimeline')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewDashboard')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('customizeDashboard')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewReports')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewSalesPerformance')).toEqual(['admin', 'manager', 'sales']);
  });

  it('follows the generated table rather than a copy of it', () => {
    expect(rolesFor('deleteCustomers')).toEqual(OPERATIONS['customers.delete'].roles);
  });

  it('offers nothing to a user without a CRM role', () => {
    expect(can([], 'viewCustomers')).toBe(false);
    expect(can(undefined, 'viewActivities')).toBe(false);
    expect(can(['offline_access'], 'viewCustomers')).toBe(false);
    expect(can(['support', 'sales'], 'writeCustomers')).toBe(true);
  });
});
