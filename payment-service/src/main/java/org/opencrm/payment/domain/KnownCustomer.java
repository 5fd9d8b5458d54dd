package org.opencrm.payment.domain;

import java.util.UUID;

/** A customer as this service knows it from customer events: its name, owner (a user id) and whether it is gone. */
public record KnownCustomer(UUID id, String name, String ownerId, boolean deleted) {
}
