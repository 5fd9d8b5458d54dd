package org.opencrm.lead.api;

import org.opencrm.lead.domain.SalesUser;

/** An active sales user a lead may be assigned to. */
public record AssigneeResponse(String id, String username, String name) {

    static AssigneeResponse of(SalesUser user) {
        return new AssigneeResponse(user.id(), user.username(), user.name());
    }
}
