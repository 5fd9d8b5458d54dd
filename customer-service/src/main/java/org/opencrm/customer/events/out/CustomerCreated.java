package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.UUID;

/** {@code customer.created}, version 1. */
public record CustomerCreated(UUID id, String name, String email, String phone, Instant createdAt) {

    public static final String TYPE = "customer.created";
}
