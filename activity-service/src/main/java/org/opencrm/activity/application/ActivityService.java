package org.opencrm.activity.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opencrm.activity.domain.Activity;
import org.opencrm.activity.domain.ActivityEntry;
import org.opencrm.activity.domain.ActivityRepository;
import org.opencrm.activity.domain.KnownCustomers;
import org.opencrm.activity.domain.TimelineFilter;
import org.opencrm.activity.domain.TimelineKind;
import org.opencrm.activity.domain.TimelineSearch;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.security.RecordAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline: every event about a customer becomes one entry (who, what, when, a short summary), written by the
 * event's handler in the inbox transaction. A new kind of event needs only a handler calling {@link #record}. Reading
 * applies the record-level rule: a caller limited to their own records does not see entries about another's lead.
 */
@Service
public class ActivityService {

    /** The columns' sizes: an event with longer text is shortened rather than retried for ever. */
    private static final int SUMMARY_LENGTH = 500;
    private static final int NAME_LENGTH = 200;

    private final ActivityRepository activities;
    private final TimelineSearch search;
    private final KnownCustomers customers;
    private final RecordAccess records;

    public ActivityService(ActivityRepository activities, TimelineSearch search, KnownCustomers customers,
            RecordAccess records) {
        this.activities = activities;
        this.search = search;
        this.customers = customers;
        this.records = records;
    }

    /** Records what an event says happened to a customer; its kind follows from the event type. */
    @Transactional
    public void record(EventEnvelope event, UUID customerId, String summary) {
        record(event, customerId, TimelineKind.of(event.type()), null, summary);
    }

    /** As {@link #record(EventEnvelope, UUID, String)}, for an event about something that happened at {@code when}. */
    @Transactional
    public void record(EventEnvelope event, UUID customerId, Instant when, String summary) {
        save(event, customerId, TimelineKind.of(event.type()), null, summary, when);
    }

    /**
     * Records what an event says happened to a customer, by whom and when it happened (not when we heard).
     *
     * @param kind one of {@link TimelineKind#ALL}
     * @param leadId the lead the entry is about (its assignee alone among sales users sees it), or null
     */
    @Transactional
    public void record(EventEnvelope event, UUID customerId, String kind, UUID leadId, String summary) {
        save(event, customerId, kind, leadId, summary, event.occurredAt());
    }

    private void save(EventEnvelope event, UUID customerId, String kind, UUID leadId, String summary, Instant when) {
        if (customers.isPurged(customerId)) {
            return; // an event that was still under way when the customer was erased (a lead's deletion, say)
        }
        activities.save(new Activity(customerId, kind, leadId, event.actor(), shorten(event.actorName(), NAME_LENGTH),
                event.type(), shorten(summary, SUMMARY_LENGTH), when, event.id(), event.correlationId()));
        customers.heardOf(customerId, event.type(), event.occurredAt());
    }

    /**
     * A customer's timeline, or the whole recent-activity feed when {@code customerId} is null, only the entries about
     * one lead when {@code leadId} is given, newest first, of the given kinds (empty: all). Reads one row beyond
     * {@code size} so the caller can tell whether a next page exists.
     */
    @Transactional(readOnly = true)
    public List<ActivityEntry> list(UUID customerId, UUID leadId, List<String> kinds, PageCursor after, int size) {
        return search.page(new TimelineFilter(customerId, leadId, kinds, records.ownerOnly().orElse(null)), after, size);
    }

    /**
     * The cursor a page ended with; invalid when another list (another customer's or lead's, other kinds) issued it.
     */
    public static PageCursor decodeCursor(UUID customerId, UUID leadId, List<String> kinds, String cursor) {
        return PageCursor.decode(cursor, listOf(customerId, leadId, kinds));
    }

    public static PageCursor cursorAfter(UUID customerId, UUID leadId, List<String> kinds, ActivityEntry activity) {
        return new PageCursor(listOf(customerId, leadId, kinds), activity.occurredAt().toString(), activity.id());
    }

    /** A timeline cursor is valid only for the customer and kinds that issued it. */
    public static PageCursor decodeTimelineCursor(UUID customerId, List<String> kinds, String cursor) {
        return PageCursor.decode(cursor, timelineOf(customerId, kinds));
    }

    public static PageCursor timelineCursorAfter(UUID customerId, List<String> kinds, ActivityEntry entry) {
        return new PageCursor(timelineOf(customerId, kinds), entry.occurredAt().toString(), entry.id());
    }

    private static String listOf(UUID customerId, UUID leadId, List<String> kinds) {
        String list = (customerId == null ? "activities" : "activities.customer." + customerId)
                + (leadId == null ? "" : ".lead." + leadId);
        // no kinds: the name cursors had before the feed could be filtered
        List<String> sorted = new TimelineFilter(customerId, leadId, kinds, null).kinds();
        return sorted.isEmpty() ? list : list + ".kinds." + String.join(",", sorted);
    }

    private static String timelineOf(UUID customerId, List<String> kinds) {
        return "timeline." + customerId + "." + String.join(",", new TimelineFilter(customerId, null, kinds, null).kinds());
    }

    private static String shorten(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, length - 1) + "…";
    }
}
