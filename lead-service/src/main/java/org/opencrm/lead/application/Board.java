package org.opencrm.lead.application;

import java.math.BigDecimal;
import java.util.List;

import org.opencrm.lead.domain.LeadRow;
import org.opencrm.lead.domain.LeadStatus;

/** The pipeline board: one column per status, in pipeline order. */
public record Board(List<Column> columns) {

    /**
     * @param firstRows the column's first page of cards plus one row, if there is a next page
     */
    public record Column(LeadStatus status, long count, List<Total> totals, List<LeadRow> firstRows) {
    }

    /** The value of a column's leads in one currency. */
    public record Total(String currency, BigDecimal value) {
    }
}
