package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.UUID;

/** {@code customer.updated}, version 1: the customer's state after the change. */
public record CustomerUpdated(UUID id, String name, String email, String phone, Instant updatedAt) {

    public static final String TYPE = "customer.updated";
}
