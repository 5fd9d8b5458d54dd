package org.opencrm.activity.application;

import java.time.ZoneId;
import java.util.UUID;

import org.opencrm.activity.domain.DueWindow;
import org.opencrm.activity.domain.FollowUpStatus;

/**
 * A follow-up list as a client asks for it: {@code assignee} a user id or {@code me}; {@code due} a window in
 * {@code zone} (open follow-ups only); null fields do not filter.
 */
public record FollowUpQuery(String assignee, UUID customerId, UUID leadId, FollowUpStatus status, DueWindow due,
        ZoneId zone) {
}
