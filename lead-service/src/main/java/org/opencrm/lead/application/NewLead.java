package org.opencrm.lead.application;

import java.math.BigDecimal;
import java.util.UUID;

import org.opencrm.lead.domain.LeadSource;

/** What a create asks for; {@code assignee} is optional (the creator, for a sales user, or the automatic choice). */
public record NewLead(UUID customerId, String title, LeadSource source, BigDecimal value, String currency,
        String assignee) {
}
