package org.opencrm.activity.api;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.opencrm.activity.application.CreatedFollowUp;
import org.opencrm.activity.application.FollowUpQuery;
import org.opencrm.activity.application.FollowUpService;
import org.opencrm.activity.domain.DueWindow;
import org.opencrm.activity.domain.FollowUpRow;
import org.opencrm.activity.domain.FollowUpStatus;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/follow-ups")
@Tag(name = "Follow-ups")
public class FollowUpController {

    /** Soonest due first: the cursor's key is the due time. */
    private static final String LIST = "follow-ups.due";

    private final FollowUpService followUps;

    public FollowUpController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GetMapping
    @Operation(summary = "List follow-ups, soonest due first, by assignee ('me': the caller), customer, lead, status "
            + "and due window (overdue: before now; today: from now until midnight; week: after today within the "
            + "seven days from today; windows list open follow-ups only) in the IANA time zone 'zone' (default UTC); "
            + "sales see their own and those on their leads")
    public PageResponse<FollowUpResponse> list(@RequestParam(required = false) @Size(max = 128) String assignee,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) UUID leadId,
            @RequestParam(required = false) FollowUpStatus status,
            @RequestParam(required = false)
            @Parameter(schema = @Schema(allowableValues = { "overdue", "today", "week" })) String due,
            @RequestParam(required = false) @Size(max = 64)
            @Parameter(example = "Europe/Berlin") String zone,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        FollowUpQuery query = new FollowUpQuery(FollowUpRequest.blankToNull(assignee), customerId, leadId, status,
                dueWindow(due), zoneOf(zone));
        return PageResponse.of(followUps.list(query, PageCursor.decode(cursor, LIST), size), size,
                FollowUpController::cursorAfter, FollowUpResponse::of);
    }

    @GetMapping("/assignees")
    @Operation(summary = "The users a follow-up may be assigned to: the caller first, then the users this service "
            + "has seen (lead assignees, people who created, changed or were given follow-ups)")
    public List<AssigneeResponse> assignees() {
        return followUps.assignees().stream().map(AssigneeResponse::of).toList();
    }

    @GetMapping("/{id}")
    public FollowUpResponse get(@PathVariable UUID id) {
        return FollowUpResponse.of(followUps.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a follow-up for a known customer (422 naming customerId otherwise), optionally on "
            + "one of its leads (422 naming leadId otherwise), assigned to the caller unless 'assignee' names a known "
            + "user. A sales user creates them for themself or on their own leads. Send an Idempotency-Key to make "
            + "retries safe: a repeat returns the first result with Idempotent-Replayed: true")
    public ResponseEntity<FollowUpResponse> create(@Valid @RequestBody FollowUpRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CreatedFollowUp created = followUps.create(request.newFollowUp(), idempotencyKey);
        FollowUpResponse body = FollowUpResponse.of(created.followUp());
        return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(created.replayed()))
            .body(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an open follow-up; 409 when it is done or cancelled, or when the given version is no "
            + "longer the current one. A new due time is announced again when it comes")
    public FollowUpResponse update(@PathVariable UUID id, @Valid @RequestBody FollowUpUpdateRequest request) {
        return FollowUpResponse.of(followUps.update(id, request.version(), request.changes()));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Mark an open follow-up done; 409 when it is not open (or the optional version is stale)")
    public FollowUpResponse complete(@PathVariable UUID id, @RequestBody(required = false) VersionRequest request) {
        return FollowUpResponse.of(followUps.complete(id, request == null ? null : request.version()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an open follow-up; 409 when it is not open (or the optional version is stale)")
    public FollowUpResponse cancel(@PathVariable UUID id, @RequestBody(required = false) VersionRequest request) {
        return FollowUpResponse.of(followUps.cancel(id, request == null ? null : request.version()));
    }

    private static PageCursor cursorAfter(FollowUpRow row) {
        return new PageCursor(LIST, row.dueAt().toString(), row.id());
    }

    private static DueWindow dueWindow(String due) {
        if (due == null || due.isBlank()) {
            return null;
        }
        return switch (due.strip().toLowerCase(Locale.ROOT)) {
            case "overdue" -> DueWindow.OVERDUE;
            case "today" -> DueWindow.TODAY;
            case "week" -> DueWindow.WEEK;
            default -> throw new BadParameterException("due", "must be 'overdue', 'today' or 'week'");
        };
    }

    private static ZoneId zoneOf(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        }
        catch (DateTimeException ex) {
            throw new BadParameterException("zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
