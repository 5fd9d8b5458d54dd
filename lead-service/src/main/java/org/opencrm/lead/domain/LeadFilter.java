package org.opencrm.lead.domain;

import java.util.UUID;

/**
 * What a lead list or board is narrowed to; null fields do not narrow. {@code owner} is the record-level rule's
 * user (a sales user sees only the leads assigned to them), applied beside any {@code assignee} asked for.
 */
public record LeadFilter(LeadStatus status, String assignee, LeadSource source, UUID customerId, String query,
        String owner) {

    public LeadFilter withStatus(LeadStatus other) {
        return new LeadFilter(other, assignee, source, customerId, query, owner);
    }

    public LeadFilter ownedBy(String user) {
        return new LeadFilter(status, assignee, source, customerId, query, user);
    }
}
