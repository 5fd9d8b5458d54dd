package org.opencrm.customer.application;

import org.opencrm.customer.domain.Customer;

/**
 * The customer's audited fields, in the order the history shows a change's entries: a field added here is audited
 * from then on (the platform's FieldHistory compares two snapshots component by component).
 */
record CustomerSnapshot(String name, String email, String phone) {

    static CustomerSnapshot of(Customer customer) {
        return new CustomerSnapshot(customer.getName(), customer.getEmail(), customer.getPhone());
    }
}
