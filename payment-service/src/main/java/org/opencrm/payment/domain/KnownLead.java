package org.opencrm.payment.domain;

import java.util.UUID;

/** A lead as this service knows it from lead events: its customer, title and assignee (null: nobody). */
public record KnownLead(UUID id, UUID customerId, String title, String assignee, boolean deleted) {
}
