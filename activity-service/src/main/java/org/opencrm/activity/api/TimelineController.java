package org.opencrm.activity.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.opencrm.activity.application.ActivityService;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timeline")
public class TimelineController {

    private final ActivityService activities;

    public TimelineController(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping("/api/v1/customers/{customerId}/timeline")
    @Operation(summary = "A customer's complete timeline from every service's events, newest first; 'kind' keeps "
            + "the listed kinds (comma-separated: customer, lead, note, document, communication, follow-up, payment, "
            + "score). Sales users do not see entries about another user's lead")
    public PageResponse<TimelineEntryResponse> timeline(@PathVariable UUID customerId,
            @RequestParam(required = false) @Size(max = 200)
            @Parameter(example = "lead,note,follow-up") String kind,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        List<String> kinds = TimelineKinds.parse(kind);
        PageCursor after = ActivityService.decodeTimelineCursor(customerId, kinds, cursor);
        return PageResponse.of(activities.list(customerId, null, kinds, after, size), size,
                entry -> ActivityService.timelineCursorAfter(customerId, kinds, entry), TimelineEntryResponse::of);
    }
}
