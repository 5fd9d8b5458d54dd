package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code customer.updated}, version 1: the customer's state after the change ({@code company}, {@code tags} added). */
public record CustomerUpdated(UUID id, String name, String email, String phone, String company, List<String> tags,
        Instant updatedAt) {

    public static final String TYPE = "customer.updated";
}
