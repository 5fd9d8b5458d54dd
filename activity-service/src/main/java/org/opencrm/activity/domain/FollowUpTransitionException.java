package org.opencrm.activity.domain;

import java.util.List;

/** A change a follow-up's status does not allow (answered with 409 naming the allowed statuses). */
public class FollowUpTransitionException extends RuntimeException {

    private final FollowUpStatus from;

    public FollowUpTransitionException(FollowUpStatus from, String change) {
        super("A follow-up that is %s cannot be %s.".formatted(from.name().toLowerCase(java.util.Locale.ROOT), change));
        this.from = from;
    }

    public FollowUpStatus from() {
        return from;
    }

    public List<FollowUpStatus> allowed() {
        return from.allowedNext();
    }
}
