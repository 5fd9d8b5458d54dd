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
import org.opencrm.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities")
public class ActivityController {

    private final ActivityService activities;

    public ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping
    @Operation(summary = "A customer's activity timeline, or the recent-activity feed without customerId; newest "
            + "first; 'leadId' keeps the entries about that lead (its status changes, scores, payments and follow-ups); "
            + "'kind' keeps the listed kinds (comma-separated: customer, lead, note, document, communication, "
            + "follow-up, payment, score)")
    public PageResponse<ActivityResponse> list(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) UUID leadId,
            @RequestParam(required = false) @Size(max = 200)
            @Parameter(example = "customer,lead,note,communication") String kind,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        List<String> kinds = TimelineKinds.parse(kind);
        return PageResponse.of(
                activities.list(customerId, leadId, kinds,
                        ActivityService.decodeCursor(customerId, leadId, kinds, cursor), size),
                size, activity -> ActivityService.cursorAfter(customerId, leadId, kinds, activity),
                ActivityResponse::of);
    }
}
