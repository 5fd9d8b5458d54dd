package org.opencrm.payment.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.opencrm.payment.application.PaymentRefunds;
import org.opencrm.payment.application.PaymentService;
import org.opencrm.payment.application.RecordedPayment;
import org.opencrm.payment.application.RecordedRefund;
import org.opencrm.payment.domain.PaymentSearch;
import org.opencrm.platform.history.FieldChange;
import org.opencrm.platform.history.FieldHistoryReader;
import org.opencrm.platform.history.RecordHistory;
import org.opencrm.platform.web.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
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
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
public class PaymentController {

    private static final String IDEMPOTENCY = "Send an Idempotency-Key to make retries safe: a repeat of the same "
            + "request (even a concurrent one) returns the first result and status with Idempotent-Replayed: true; the "
            + "same key with another body is a 422";

    private final PaymentService payments;
    private final RecordHistory history;

    public PaymentController(PaymentService payments, FieldHistoryReader historyReader) {
        this.payments = payments;
        // whoever may read the payment may read its history
        this.history = new RecordHistory(historyReader, PaymentService.AGGREGATE, payments::get);
    }

    @GetMapping
    @Operation(summary = "List payments newest first (recorded at), optionally filtered; a sales user sees only the "
            + "payments of customers they own or of leads assigned to them")
    public PageResponse<PaymentResponse> list(@Valid @ParameterObject PaymentQuery query,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageResponse.of(payments.list(query.filter(), PaymentSearch.decodeCursor(cursor), size), size,
                PaymentSearch::cursorAfter, PaymentResponse::of);
    }

    @GetMapping("/totals")
    @Operation(summary = "What the payments the list's filters select brought in, per currency: paid, refunded, net "
            + "and the number of payments received (pending and failed ones aside); a customer's or a lead's with "
            + "customerId or leadId, every payment the caller may see with neither")
    public TotalsResponse totals(@Valid @ParameterObject PaymentQuery query) {
        return TotalsResponse.of(payments.totals(query.filter()));
    }

    @GetMapping("/{id}")
    public PaymentResponse get(@PathVariable UUID id) {
        return PaymentResponse.of(payments.get(id));
    }

    @PostMapping
    @Operation(summary = "Record a payment of a known customer (422 naming customerId otherwise), optionally for one "
            + "of its leads (422 naming leadId otherwise); the amount has at most the currency's minor units. "
            + IDEMPOTENCY)
    public ResponseEntity<PaymentResponse> record(@Valid @RequestBody PaymentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        RecordedPayment recorded = payments.record(request.newPayment(), idempotencyKey);
        PaymentResponse body = PaymentResponse.of(recorded.payment());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(recorded.replayed()))
            .body(body);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Settle a pending payment: COMPLETED or FAILED; 409 for any other move or when the version "
            + "is no longer current")
    public PaymentResponse changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return PaymentResponse.of(payments.changeStatus(id, request.status(), request.version()));
    }

    @PostMapping("/{id}/refunds")
    @Operation(summary = "Refund part or all of what remains: PARTIALLY_REFUNDED or REFUNDED afterwards; 409 when the "
            + "status allows no refund, 422 naming amount when it exceeds what remains. " + IDEMPOTENCY)
    public ResponseEntity<RefundResponse> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        RecordedRefund recorded = payments.refund(request.newRefund(id), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + id))
            .header("Idempotent-Replayed", String.valueOf(recorded.replayed()))
            .body(RefundResponse.of(recorded));
    }

    @GetMapping("/{id}/refunds")
    @Operation(summary = "The payment's refunds, newest first: amount, reason, who and when; 404 for a payment the "
            + "caller cannot read")
    public List<RefundResponse.Refund> refunds(@PathVariable UUID id) {
        PaymentRefunds found = payments.refunds(id);
        return found.refunds().stream().map(refund -> RefundResponse.Refund.of(refund, found.payment().currency()))
            .toList();
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The payment's field history, newest first: status, amount, refundedAmount, method and "
            + "externalRef changes, who made them and when; 404 for a payment the caller cannot read")
    public PageResponse<FieldChange> history(@PathVariable UUID id,
            @RequestParam(required = false) @Parameter(description = "nextCursor of the previous page") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return history.page(id, cursor, size);
    }
}
