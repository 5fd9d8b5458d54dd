package org.opencrm.reporting.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opencrm.reporting.domain.CustomerChange;
import org.opencrm.reporting.domain.CustomerFacts;
import org.opencrm.reporting.domain.FollowUpFacts;
import org.opencrm.reporting.domain.LeadChange;
import org.opencrm.reporting.domain.LeadFacts;
import org.opencrm.reporting.domain.PaymentFacts;

/** Read-model rows as the event handlers leave them, written through the same repositories without Kafka. */
public final class Facts {

    private final CustomerFacts customers;
    private final LeadFacts leads;
    private final PaymentFacts payments;
    private final FollowUpFacts followUps;

    public Facts(CustomerFacts customers, LeadFacts leads, PaymentFacts payments, FollowUpFacts followUps) {
        this.customers = customers;
        this.leads = leads;
        this.payments = payments;
        this.followUps = followUps;
    }

    public UUID customer(String owner, Instant created, String... tags) {
        UUID id = UUID.randomUUID();
        customers.apply(id, CustomerChange.at(created).created(created).owner(owner).deleted(false).tags(List.of(tags)));
        return id;
    }

    /** A lead created at {@code created}; each later status at its time (status, time, status, time, …). */
    public UUID lead(UUID customer, String assignee, String source, String value, String currency, Instant created,
            Object... statuses) {
        UUID id = UUID.randomUUID();
        leads.apply(id, LeadChange.of(customer, created).created(created)
            .described(source, new BigDecimal(value), currency).assignee(assignee).status("NEW"));
        for (int i = 0; i < statuses.length; i += 2) {
            leads.apply(id, LeadChange.of(customer, (Instant) statuses[i + 1]).status((String) statuses[i]));
        }
        return id;
    }

    public UUID completedPayment(UUID customer, UUID lead, String amount, String currency, Instant paid) {
        UUID id = UUID.randomUUID();
        payments.amount(id, customer, lead, new BigDecimal(amount), currency);
        payments.recorded(id, "CARD", paid);
        payments.status(id, customer, lead, currency, "COMPLETED", paid);
        payments.paid(id, paid);
        return id;
    }

    public void refund(UUID payment, UUID customer, UUID lead, String amount, String currency, Instant at) {
        payments.refunded(UUID.randomUUID(), payment, customer, lead, new BigDecimal(amount), currency, at);
        payments.status(payment, customer, lead, currency, "PARTIALLY_REFUNDED", at);
    }

    public UUID followUp(UUID customer, UUID lead, String assignee, String status, Instant due) {
        UUID id = UUID.randomUUID();
        followUps.changed(id, customer, lead, assignee, status, due, Instant.now(), true);
        return id;
    }
}
