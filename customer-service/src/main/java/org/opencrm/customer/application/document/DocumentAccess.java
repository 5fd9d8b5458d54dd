package org.opencrm.customer.application.document;

import java.util.UUID;

import org.opencrm.customer.domain.Customer;
import org.opencrm.customer.domain.CustomerRepository;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The record-level rule for documents: everyone who may read customers reads their documents; a caller limited to
 * their own records ({@code own-records} in the permission table: sales) attaches and removes documents only of the
 * customers they own (403 otherwise: they can see the customer, so hiding it would be a lie).
 */
@Component
class DocumentAccess {

    private final CustomerRepository customers;
    private final RecordAccess records;

    DocumentAccess(CustomerRepository customers, RecordAccess records) {
        this.customers = customers;
        this.records = records;
    }

    void requireReadable(UUID customerId) {
        live(customerId);
    }

    void requireChangeable(UUID customerId) {
        Customer customer = live(customerId);
        records.requireOwnerOf(customer.getOwnerId());
    }

    private Customer live(UUID customerId) {
        return customers.findById(customerId).filter(customer -> !customer.isDeleted())
                .orElseThrow(() -> new ResourceNotFoundException("Customer", customerId));
    }
}
