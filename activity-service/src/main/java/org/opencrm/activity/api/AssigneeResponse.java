package org.opencrm.activity.api;

import org.opencrm.activity.domain.KnownUser;

/** A user a follow-up may be assigned to. */
public record AssigneeResponse(String id, String name) {

    static AssigneeResponse of(KnownUser user) {
        return new AssigneeResponse(user.id(), user.name());
    }
}
