package org.opencrm.lead.api;

import java.math.BigDecimal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.opencrm.lead.application.NewLead;
import org.opencrm.lead.domain.LeadSource;

/** Body of a create. {@code value} may come as a JSON string or number; it is never read as binary floating point. */
public record LeadRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 200) String title,
        @NotNull LeadSource source,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "12500.00")
        BigDecimal value,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 64) String assignee) {

    NewLead newLead() {
        return new NewLead(customerId, title, source, value, currency, assignee == null || assignee.isBlank() ? null
                : assignee.strip());
    }
}
