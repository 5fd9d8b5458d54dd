package org.opencrm.lead.domain;

import java.math.BigDecimal;

/** How many leads of one status in one currency, and their value together. */
public record ColumnTotal(LeadStatus status, String currency, long count, BigDecimal value) {
}
