package org.opencrm.activity.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
    @Operation(summary = "A customer's activity timeline, or the recent-activity feed without customerId; newest first")
    public PageResponse<ActivityResponse> list(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageResponse.of(activities.list(customerId, ActivityService.decodeCursor(customerId, cursor), size),
                size, activity -> ActivityService.cursorAfter(customerId, activity), ActivityResponse::of);
    }
}
