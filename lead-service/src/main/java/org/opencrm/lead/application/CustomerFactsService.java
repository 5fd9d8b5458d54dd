package org.opencrm.lead.application;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.lead.domain.CustomerFacts;
import org.opencrm.lead.domain.CustomerLeads;
import org.opencrm.lead.events.out.LeadDeleted;
import org.opencrm.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the customer facts leads need from customer events, in the inbox transaction of each event. */
@Service
public class CustomerFactsService {

    private final CustomerFacts customers;

    private final CustomerLeads customerLeads;

    private final OutboxWriter outbox;

    public CustomerFactsService(CustomerFacts customers, CustomerLeads customerLeads, OutboxWriter outbox) {
        this.customers = customers;
        this.customerLeads = customerLeads;
        this.outbox = outbox;
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

    /**
     * Erasure: the customer's leads go with all that hangs off them, each with the {@code lead.deleted} a delete
     * publishes (on behalf of the purge's actor, the system), and the copy keeps the customer's id alone. Whatever a
     * redelivery finds is gone already.
     */
    @Transactional
    public int purged(UUID customerId, Instant purgedAt) {
        // the customer first: a lead being created for it holds its row, and one created after finds it purged
        customers.purged(customerId, purgedAt);
        var removed = customerLeads.removeAll(customerId, LeadService.AGGREGATE);
        for (CustomerLeads.RemovedLead lead : removed) {
            outbox.append(LeadService.AGGREGATE, lead.id(), LeadDeleted.TYPE,
                    new LeadDeleted(lead.id(), lead.customerId(), lead.title()));
        }
        return removed.size();
    }
}
