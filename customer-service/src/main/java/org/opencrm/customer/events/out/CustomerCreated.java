package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code customer.created}, version 1 ({@code company}, {@code tags}, {@code ownerId}, {@code ownerName} added). */
public record CustomerCreated(UUID id, String name, String email, String phone, String company, List<String> tags,
        String ownerId, String ownerName, Instant createdAt) {

    public static final String TYPE = "customer.created";
}
