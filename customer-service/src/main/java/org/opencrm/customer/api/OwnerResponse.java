package org.opencrm.customer.api;

import org.opencrm.platform.users.DirectoryUser;

/** A user who may own customers. */
public record OwnerResponse(String id, String username, String name) {

    static OwnerResponse of(DirectoryUser user) {
        return new OwnerResponse(user.id(), user.username(), user.name());
    }
}
