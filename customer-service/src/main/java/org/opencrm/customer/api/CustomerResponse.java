package org.opencrm.customer.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.customer.domain.CustomerRow;

public record CustomerResponse(UUID id, String name, String email, String phone, Instant createdAt, Instant updatedAt,
        long version) {

    static CustomerResponse of(CustomerRow row) {
        return new CustomerResponse(row.id(), row.name(), row.email(), row.phone(), row.createdAt(), row.updatedAt(),
                row.version());
    }
}
