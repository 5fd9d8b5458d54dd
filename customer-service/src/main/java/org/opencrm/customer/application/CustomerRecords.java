package org.opencrm.customer.application;

import java.util.Optional;
import java.util.UUID;

import org.opencrm.customer.domain.CustomerOwners;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The record-level rule for what hangs off a customer (notes, communications): a caller the permission table limits
 * to their own records (sales) adds to the customers they own only; everyone may read what hangs off any customer
 * they may read. A customer that does not exist is a 404 before any of that.
 */
@Component
class CustomerRecords {

    private final CustomerOwners owners;
    private final RecordAccess records;

    CustomerRecords(CustomerOwners owners, RecordAccess records) {
        this.owners = owners;
        this.records = records;
    }

    void requireReadable(UUID customerId) {
        owners.of(customerId).orElseThrow(() -> new ResourceNotFoundException("Customer", customerId));
    }

    /** The customer exists and the caller may add to it: a sales user only to a customer they own (else 403). */
    void requireWritable(UUID customerId) {
        CustomerOwners.Owner owner = owners.of(customerId)
            .orElseThrow(() -> new ResourceNotFoundException("Customer", customerId));
        Optional<String> ownOnly = records.ownerOnly();
        if (ownOnly.isPresent() && !owner.is(ownOnly.get())) {
            throw new AccessDeniedException("Only the customer's owner, a manager or an admin adds to it.");
        }
    }

    /** The caller limited to their own records, if the current operation limits them. */
    Optional<String> ownRecordsOnly() {
        return records.ownerOnly();
    }
}
