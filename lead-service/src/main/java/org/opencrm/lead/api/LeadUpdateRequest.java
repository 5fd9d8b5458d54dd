package org.opencrm.lead.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.opencrm.lead.application.LeadDetails;
import org.opencrm.lead.domain.LeadSource;

/**
 * Body of an update. {@code version} is the one the client read: a change made meanwhile by someone else is a 409
 * instead of a silent overwrite.
 */
public record LeadUpdateRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull LeadSource source,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "12500.00")
        BigDecimal value,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull Long version) {

    LeadDetails details() {
        return new LeadDetails(title, source, value, currency);
    }
}
