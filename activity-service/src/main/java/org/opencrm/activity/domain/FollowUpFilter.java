package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which follow-ups to list; null fields do not filter. {@code dueFrom}/{@code dueBefore} bound the due time (a due
 * window lists open follow-ups only); {@code owner}, for a caller limited to their own records, keeps the follow-ups
 * assigned to them and those on leads assigned to them.
 */
public record FollowUpFilter(String assignee, UUID customerId, UUID leadId, FollowUpStatus status, Instant dueFrom,
        Instant dueBefore, String owner) {

    public FollowUpFilter ownedBy(String owner) {
        return new FollowUpFilter(assignee, customerId, leadId, status, dueFrom, dueBefore, owner);
    }
}
