package org.opencrm.lead.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opencrm.lead.domain.LeadRow;
import org.opencrm.lead.domain.LeadSource;
import org.opencrm.lead.domain.LeadStatus;
import org.opencrm.lead.domain.Money;

/** A lead; {@code value} is a string with the currency's minor-unit scale ("12500.00" EUR, "3000" JPY). */
public record LeadResponse(UUID id, UUID customerId, String customerName, String title, LeadSource source,
        @Schema(example = "12500.00") String value, String currency, LeadStatus status, String lostReason,
        String assignedTo, String assigneeName, Integer score, long version, Instant createdAt, Instant updatedAt,
        Instant closedAt) {

    static LeadResponse of(LeadRow row) {
        return new LeadResponse(row.id(), row.customerId(), row.customerName(), row.title(), row.source(),
                Money.plain(row.value(), row.currency()), row.currency(), row.status(), row.lostReason(),
                row.assignedTo(), row.assigneeName(), row.score(), row.version(), row.createdAt(), row.updatedAt(),
                row.closedAt());
    }
}
