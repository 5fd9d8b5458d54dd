package org.opencrm.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opencrm.customer.domain.CustomerRow;

/** A customer; {@code ownerId} is the responsible user's id (null for none), {@code ownerName} how people know them. */
public record CustomerResponse(UUID id, String name, String email, String phone, String company, List<String> tags,
        String ownerId, String ownerName, Instant createdAt, Instant updatedAt, long version) {

    static CustomerResponse of(CustomerRow row) {
        return new CustomerResponse(row.id(), row.name(), row.email(), row.phone(), row.company(), row.tags(),
                row.ownerId(), row.ownerName(), row.createdAt(), row.updatedAt(), row.version());
    }
}
