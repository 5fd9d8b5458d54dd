package org.opencrm.activity.domain;

import java.util.List;

/** OPEN until it is done or cancelled; both are final. */
public enum FollowUpStatus {
    OPEN, DONE, CANCELLED;

    public List<FollowUpStatus> allowedNext() {
        return this == OPEN ? List.of(DONE, CANCELLED) : List.of();
    }
}
