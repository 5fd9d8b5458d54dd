package org.opencrm.customer.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the use cases hand it out: read by the list query without loading the entity, or copied from the
 * entity inside the transaction, so nothing managed by JPA leaves it.
 */
public record CustomerRow(UUID id, String name, String email, String phone, String company, List<String> tags,
        String ownerId, String ownerName, Instant createdAt, Instant updatedAt, long version) {

    public static CustomerRow of(Customer customer) {
        return new CustomerRow(customer.getId(), customer.getName(), customer.getEmail(), customer.getPhone(),
                customer.getCompany(), customer.getTags(), customer.getOwnerId(), customer.getOwnerName(),
                customer.getCreatedAt(), customer.getUpdatedAt(), customer.getVersion());
    }
}
