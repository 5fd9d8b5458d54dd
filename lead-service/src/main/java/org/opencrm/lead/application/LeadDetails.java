package org.opencrm.lead.application;

import java.math.BigDecimal;

import org.opencrm.lead.domain.LeadSource;

/** What a user can edit on a lead. */
public record LeadDetails(String title, LeadSource source, BigDecimal value, String currency) {
}
