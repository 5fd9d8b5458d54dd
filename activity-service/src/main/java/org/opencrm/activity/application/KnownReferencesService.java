package org.opencrm.activity.application;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.activity.domain.KnownCustomers;
import org.opencrm.activity.domain.KnownLeads;
import org.opencrm.activity.domain.KnownUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what follow-ups and the record-level rule need from customer and lead events, in each event's transaction.
 * Nothing more is kept about a purged customer's leads, whatever arrives after the purge.
 */
@Service
public class KnownReferencesService {

    private final KnownCustomers customers;
    private final KnownLeads leads;
    private final KnownUsers users;

    public KnownReferencesService(KnownCustomers customers, KnownLeads leads, KnownUsers users) {
        this.customers = customers;
        this.leads = leads;
        this.users = users;
    }

    @Transactional
    public void customerNamed(UUID customerId, String name, Instant at) {
        customers.named(customerId, name, at);
    }

    @Transactional
    public void leadHeardOf(UUID leadId, UUID customerId, String title, Instant at) {
        if (customers.isPurged(customerId)) {
            return;
        }
        leads.heardOf(leadId, customerId, title, at);
    }

    /** The lead is now {@code assignee}'s (null: nobody's); an assignee is a user follow-ups may go to. */
    @Transactional
    public void leadAssigned(UUID leadId, UUID customerId, String title, String assignee, String assigneeName,
            Instant at) {
        if (customers.isPurged(customerId)) {
            return;
        }
        leads.assigned(leadId, customerId, title, assignee, at);
        users.seen(assignee, assigneeName, at);
    }

    @Transactional
    public void leadDeleted(UUID leadId, UUID customerId, Instant at) {
        if (customers.isPurged(customerId)) {
            return;
        }
        leads.deleted(leadId, customerId, at);
    }
}
