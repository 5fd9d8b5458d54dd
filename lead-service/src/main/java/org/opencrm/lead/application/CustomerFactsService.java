package org.opencrm.lead.application;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.lead.domain.CustomerFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the customer facts leads need from customer events, in the inbox transaction of each event. */
@Service
public class CustomerFactsService {

    private final CustomerFacts customers;

    public CustomerFactsService(CustomerFacts customers) {
        this.customers = customers;
    }

    @Transactional
    public void named(UUID customerId, String name, Instant changedAt) {
        customers.named(customerId, name, changedAt);
    }

    @Transactional
    public void deleted(UUID customerId, String name, Instant deletedAt) {
        customers.deleted(customerId, name, deletedAt);
    }

    @Transactional
    public void restored(UUID customerId, String name, Instant restoredAt) {
        customers.restored(customerId, name, restoredAt);
    }
}
