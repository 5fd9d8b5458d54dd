package org.opencrm.activity.domain;

import java.util.UUID;

/** A lead as this service knows it from lead events: its customer and who it is assigned to (null: nobody). */
public record KnownLead(UUID id, UUID customerId, String title, String assignee, boolean deleted) {
}
