package org.opencrm.customer.api;

/** Who may do what with customers: users by realm role, partners by OAuth scope. */
final class CustomerAccess {

    static final String READ = "hasAnyRole('admin','manager','sales','support') or hasAuthority('SCOPE_customers:read')";
    static final String WRITE = "hasAnyRole('admin','manager','sales') or hasAuthority('SCOPE_customers:write')";
    static final String DELETE = "hasAnyRole('admin','manager')";

    private CustomerAccess() {
    }
}
