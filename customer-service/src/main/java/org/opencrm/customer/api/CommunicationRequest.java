package org.opencrm.customer.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opencrm.customer.application.NewCommunication;
import org.opencrm.customer.domain.CommunicationDirection;
import org.opencrm.customer.domain.CommunicationType;

/** Body of a communication to log. */
public record CommunicationRequest(
        @NotNull CommunicationType type,
        @NotNull CommunicationDirection direction,
        @NotBlank @Size(max = 200) String subject,
        @Schema(description = "Rich text (HTML), optional; sanitised like a note's body, at most 100 KB once sanitised")
        @Size(max = NoteLimits.MAX_RAW_BODY) String body,
        @Schema(description = "When it happened; not in the future (a few minutes of clock skew aside)")
        @NotNull Instant occurredAt,
        @Schema(description = "Names or email addresses of those who took part")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> participants,
        @Schema(description = "How long it lasted, in minutes (0 to 1440)")
        @Min(0) @Max(1440) Integer durationMinutes) {

    NewCommunication details() {
        return new NewCommunication(type, direction, subject, body, occurredAt, participants, durationMinutes);
    }
}
