package org.opencrm.customer.application;

import java.util.List;

import org.opencrm.customer.domain.Customer;

/**
 * The customer's audited fields, in the order the history shows a change's entries: a field added here is audited
 * from then on (the platform's FieldHistory compares two snapshots component by component).
 */
record CustomerSnapshot(String name, String email, String phone, String company, List<String> tags, String owner) {

    /** The owner as people know them (their id when the directory gave no name). */
    static CustomerSnapshot of(Customer customer) {
        return new CustomerSnapshot(customer.getName(), customer.getEmail(), customer.getPhone(),
                customer.getCompany(), List.copyOf(customer.getTags()),
                customer.getOwnerName() != null ? customer.getOwnerName() : customer.getOwnerId());
    }

    /** Whether the two differ in their owner at most: a {@code customer.updated} event would carry nothing new. */
    boolean sameDetailsAs(CustomerSnapshot other) {
        return withoutOwner().equals(other.withoutOwner());
    }

    private CustomerSnapshot withoutOwner() {
        return new CustomerSnapshot(name, email, phone, company, tags, null);
    }
}
