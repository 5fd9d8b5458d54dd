package org.opencrm.activity.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.activity.domain.KnownCustomers;
import org.opencrm.activity.domain.KnownLead;
import org.opencrm.activity.domain.KnownLeads;
import org.opencrm.activity.domain.KnownPayments;
import org.opencrm.activity.domain.KnownUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what follow-ups, the record-level rule and timeline summaries need from customer, lead and payment events, in
 * each event's transaction. Nothing more is kept about a purged customer's leads, whatever arrives after the purge.
 */
@Service
public class KnownReferencesService {

    private final KnownCustomers customers;
    private final KnownLeads leads;
    private final KnownUsers users;
    private final KnownPayments payments;

    public KnownReferencesService(KnownCustomers customers, KnownLeads leads, KnownUsers users,
            KnownPayments payments) {
        this.customers = customers;
        this.leads = leads;
        this.users = users;
        this.payments = payments;
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

    /** The lead's title as last heard, if this service heard of the lead. */
    @Transactional
    public Optional<String> leadTitle(UUID leadId) {
        return leads.find(leadId).map(KnownLead::title);
    }

    @Transactional
    public void paymentRecorded(UUID paymentId, BigDecimal amount, String currency) {
        payments.recorded(paymentId, amount, currency);
    }

    /** The amount the payment was recorded with, if this service heard of it. */
    @Transactional
    public Optional<BigDecimal> paymentAmount(UUID paymentId) {
        return payments.amount(paymentId);
    }
}
