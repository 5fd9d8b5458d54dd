package org.opencrm.activity.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opencrm.activity.domain.Activity;
import org.opencrm.activity.domain.ActivityEntry;
import org.opencrm.activity.domain.ActivityRepository;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.paging.PageCursor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ActivityService {

    private final ActivityRepository activities;

    public ActivityService(ActivityRepository activities) {
        this.activities = activities;
    }

    /** Records what an event says happened to a customer, by whom and when it happened (not when we heard). */
    @Transactional
    public void record(EventEnvelope event, UUID customerId, String summary) {
        activities.save(new Activity(customerId, event.actor(), event.actorName(), event.type(), summary,
                event.occurredAt(), event.id(), event.correlationId()));
    }

    /**
     * A customer's timeline, or the whole recent-activity feed when {@code customerId} is null, newest first.
     * Reads one row beyond {@code size} so the caller can tell whether a next page exists.
     */
    @Transactional(readOnly = true)
    public List<ActivityEntry> list(UUID customerId, PageCursor after, int size) {
        Limit limit = Limit.of(size + 1);
        if (after == null) {
            return customerId == null ? activities.feed(limit) : activities.timeline(customerId, limit);
        }
        Instant occurredAt = after.instantKey();
        return customerId == null ? activities.feedAfter(occurredAt, after.id(), limit)
                : activities.timelineAfter(customerId, occurredAt, after.id(), limit);
    }

    /** The cursor a page ended with; invalid when another list (another customer's timeline, say) issued it. */
    public static PageCursor decodeCursor(UUID customerId, String cursor) {
        return PageCursor.decode(cursor, listOf(customerId));
    }

    public static PageCursor cursorAfter(UUID customerId, ActivityEntry activity) {
        return new PageCursor(listOf(customerId), activity.occurredAt().toString(), activity.id());
    }

    private static String listOf(UUID customerId) {
        return customerId == null ? "activities" : "activities.customer." + customerId;
    }
}
