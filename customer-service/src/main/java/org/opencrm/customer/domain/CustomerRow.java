package org.opencrm.customer.domain;

import java.time.Instant;
import java.util.UUID;

/** A customer as read by the list query, without loading the entity. */
public record CustomerRow(UUID id, String name, String email, String phone, Instant createdAt, Instant updatedAt,
        long version) {
}
