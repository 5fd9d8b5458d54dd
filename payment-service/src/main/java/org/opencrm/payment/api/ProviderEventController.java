package org.opencrm.payment.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.opencrm.payment.application.ProviderEventType;
import org.opencrm.payment.application.ProviderEvents;
import org.opencrm.payment.application.WebhookSignature;
import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider's webhooks, public (no token): the Standard Webhooks signature over the raw body is the
 * authentication, checked before the body is parsed.
 */
@RestController
@Tag(name = "Payments")
public class ProviderEventController {

    private static final int MAX_ID_LENGTH = 255;

    private final WebhookSignature signature;
    private final ProviderEvents events;
    private final JsonMapper json;

    public ProviderEventController(WebhookSignature signature, ProviderEvents events, JsonMapper json) {
        this.signature = signature;
        this.events = events;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/payments/provider-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "A payment provider's event (public, Standard Webhooks signature: webhook-id, "
            + "webhook-timestamp within 5 minutes, webhook-signature v1,<base64 HMAC-SHA256 of id.timestamp.body>). "
            + "200 applied, a replayed webhook-id (no second effect) or ignored (a move the payment cannot make, such "
            + "as a success after a failure or a refund beyond what remains: logged); 202 when no payment has the "
            + "externalRef; "
            + "401 for a missing, stale or wrong signature")
    public ResponseEntity<Map<String, String>> receive(
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signatures,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ProviderEventRequest.class))) @RequestBody byte[] body) {
        signature.verify(id, timestamp, signatures, body);
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "webhook-id",
                    "must be at most " + MAX_ID_LENGTH + " characters");
        }
        ProviderEventRequest event = parse(body);
        ProviderEventType type = ProviderEventType.of(event.type()).orElseThrow(() -> new InvalidFieldException(
                HttpStatus.UNPROCESSABLE_CONTENT, "type", "must be payment.succeeded, payment.failed or payment.refunded"));
        String externalRef = event.data() == null ? null : event.data().externalRef();
        if (externalRef == null || externalRef.isBlank() || externalRef.length() > 200) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_CONTENT, "data.externalRef",
                    "must name the payment (at most 200 characters)");
        }
        ProviderEvents.Outcome outcome = events.apply(id, type, externalRef.strip(), event.data().amount(),
                event.data().currency());
        return ResponseEntity.status(outcome == ProviderEvents.Outcome.UNKNOWN_PAYMENT ? HttpStatus.ACCEPTED : HttpStatus.OK)
            .body(Map.of("outcome", outcome.name().toLowerCase().replace('_', '-')));
    }

    private ProviderEventRequest parse(byte[] body) {
        try {
            ProviderEventRequest event = json.readValue(body, ProviderEventRequest.class);
            if (event == null) {
                throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "body", "must be a JSON object");
            }
            return event;
        }
        catch (JacksonException ex) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "body", "must be a provider event in JSON");
        }
    }
}
