package org.opencrm.lead.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead as the use cases hand it out, with its customer's name: read by the list query without loading the entity,
 * or copied from the entity inside the transaction, so nothing managed by JPA leaves it.
 */
public record LeadRow(UUID id, UUID customerId, String customerName, String title, LeadSource source,
        BigDecimal value, String currency, LeadStatus status, String lostReason, String assignedTo,
        String assigneeName, Integer score, long version, Instant createdAt, Instant updatedAt, Instant closedAt) {

    public static LeadRow of(Lead lead, String customerName) {
        return new LeadRow(lead.getId(), lead.getCustomerId(), customerName, lead.getTitle(), lead.getSource(),
                lead.getValue(), lead.getCurrency(), lead.getStatus(), lead.getLostReason(), lead.getAssignedTo(),
                lead.getAssigneeName(), lead.getScore(), lead.getVersion(), lead.getCreatedAt(), lead.getUpdatedAt(),
                lead.getClosedAt());
    }
}
