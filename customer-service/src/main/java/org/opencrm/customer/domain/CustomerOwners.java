package org.opencrm.customer.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who owns a customer, for the rules of what hangs off it (notes, communications): one indexed read of two columns,
 * without loading the customer.
 */
@Repository
public class CustomerOwners {

    private final JdbcClient jdbc;

    public CustomerOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's owner (null while nobody owns it), or empty when there is no such customer. */
    public Optional<Owner> of(UUID customerId) {
        return jdbc.sql("select id, owner_id from customer where id = :id and deleted_at is null")
            .param("id", customerId)
            .query((rs, rowNum) -> new Owner(rs.getString(2)))
            .optional();
    }

    /** @param ownerId the owning user's id, or null */
    public record Owner(String ownerId) {

        public boolean is(String userId) {
            return ownerId != null && ownerId.equals(userId);
        }
    }
}
