package org.opencrm.lead.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.opencrm.lead.application.CreatedLead;
import org.opencrm.lead.application.LeadCount;
import org.opencrm.lead.application.LeadService;
import org.opencrm.lead.domain.LeadFilter;
import org.opencrm.lead.domain.LeadSort;
import org.opencrm.lead.domain.LeadSource;
import org.opencrm.lead.domain.LeadStatus;
import org.opencrm.platform.web.PageResponse;
import org.opencrm.platform.web.SearchTexts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
public class LeadController {

    private final LeadService leads;

    public LeadController(LeadService leads) {
        this.leads = leads;
    }

    @GetMapping
    @Operation(summary = "List leads, newest, biggest or best scored first, filtered by status, assignee ('me': the "
            + "caller), source, customer and a search text (at least 3 characters) over title and customer name; sales "
            + "see their own only")
    public PageResponse<LeadResponse> list(@RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) @Size(max = 64) String assignee,
            @RequestParam(required = false) LeadSource source,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "created")
            @Parameter(schema = @Schema(allowableValues = { "created", "value", "score" })) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        LeadSort order = sortOf(sort);
        LeadFilter filter = new LeadFilter(status, blankToNull(assignee), source, customerId, SearchTexts.require(q),
                null);
        return PageResponse.of(leads.list(filter, order, order.decodeCursor(cursor), size), size, order::cursorAfter,
                LeadResponse::of);
    }

    @GetMapping("/count")
    @Operation(summary = "How many leads the list's filters select (as for the list: status, assignee, source, "
            + "customer, search text); sales count their own only")
    public LeadCount count(@RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) @Size(max = 64) String assignee,
            @RequestParam(required = false) LeadSource source,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @Size(max = 100) String q) {
        return leads.count(new LeadFilter(status, blankToNull(assignee), source, customerId, SearchTexts.require(q),
                null));
    }

    @GetMapping("/board")
    @Operation(summary = "The pipeline board: per status the count, the value per currency and the first cards, "
            + "newest first; more cards of a column: GET /api/v1/leads?status=<status>&cursor=<its nextCursor>")
    public BoardResponse board(@RequestParam(required = false) @Size(max = 64) String assignee,
            @RequestParam(required = false) LeadSource source,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        LeadFilter filter = new LeadFilter(null, blankToNull(assignee), source, null, SearchTexts.require(q), null);
        return BoardResponse.of(leads.board(filter, size), size);
    }

    @GetMapping("/assignees")
    @Operation(summary = "The active sales users a lead may be assigned to")
    public List<AssigneeResponse> assignees() {
        return leads.assignees().stream().map(AssigneeResponse::of).toList();
    }

    @GetMapping("/{id}")
    public LeadResponse get(@PathVariable UUID id) {
        return LeadResponse.of(leads.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a lead for a known customer (422 naming customerId otherwise). Without an assignee a "
            + "sales user gets it themself. Send an Idempotency-Key to make retries safe: a repeat returns the first "
            + "result with Idempotent-Replayed: true")
    public ResponseEntity<LeadResponse> create(@Valid @RequestBody LeadRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CreatedLead created = leads.create(request.newLead(), idempotencyKey);
        LeadResponse body = LeadResponse.of(created.lead());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(created.replayed()))
            .body(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a lead's facts; 409 when the given version is no longer the current one")
    public LeadResponse update(@PathVariable UUID id, @Valid @RequestBody LeadUpdateRequest request) {
        return LeadResponse.of(leads.update(id, request.version(), request.details()));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Move a lead along the pipeline; 409 naming the allowed statuses when the move is not one "
            + "of them; CLOSED_LOST needs a reason")
    public LeadResponse changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return LeadResponse.of(leads.changeStatus(id, request.status(), request.reason()));
    }

    @PutMapping("/{id}/assignee")
    @Operation(summary = "Assign a lead to an active sales user (422 otherwise)")
    public LeadResponse assign(@PathVariable UUID id, @Valid @RequestBody AssigneeRequest request) {
        return LeadResponse.of(leads.assign(id, request.assignee().strip()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable UUID id) {
        leads.delete(id);
    }

    private static LeadSort sortOf(String sort) {
        return switch (sort) {
            case "created" -> LeadSort.CREATED;
            case "value" -> LeadSort.VALUE;
            case "score" -> LeadSort.SCORE;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "sort must be 'created', 'value' or 'score'.");
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
