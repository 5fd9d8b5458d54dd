package org.opencrm.customer.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.opencrm.customer.application.CommunicationService;
import org.opencrm.customer.application.LoggedCommunication;
import org.opencrm.customer.domain.Communications;
import org.opencrm.platform.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/communications")
@Tag(name = "Customer communications", description = "The log of calls, emails, meetings and messages with a "
        + "customer. Everyone who reads customers reads it; support, managers and admins log on any customer, a sales "
        + "user on the customers they own")
public class CommunicationController {

    private final CommunicationService communications;

    public CommunicationController(CommunicationService communications) {
        this.communications = communications;
    }

    @GetMapping
    @Operation(summary = "List a customer's communications, latest first by when they happened")
    public PageResponse<CommunicationResponse> list(@PathVariable UUID customerId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(communications.list(customerId, Communications.decodeCursor(customerId, cursor), size),
                size, Communications::cursorAfter, CommunicationResponse::of);
    }

    @GetMapping("/{communicationId}")
    @Operation(summary = "Read one logged communication")
    public CommunicationResponse get(@PathVariable UUID customerId, @PathVariable UUID communicationId) {
        return CommunicationResponse.of(communications.get(customerId, communicationId));
    }

    @PostMapping
    @Operation(summary = "Log a call, email, meeting or message; its body is sanitised like a note's. Send an "
            + "Idempotency-Key to make retries safe")
    public ResponseEntity<CommunicationResponse> log(@PathVariable UUID customerId,
            @Valid @RequestBody CommunicationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        LoggedCommunication logged = communications.log(customerId, request.details(), idempotencyKey);
        CommunicationResponse body = CommunicationResponse.of(logged.communication());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/communications/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(logged.replayed()))
            .body(body);
    }
}
