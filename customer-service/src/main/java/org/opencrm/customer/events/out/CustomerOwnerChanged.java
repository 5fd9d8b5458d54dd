package org.opencrm.customer.events.out;

import java.util.UUID;

/**
 * {@code customer.owner-changed}, version 1: {@code from} and {@code to} are user ids ({@code from} null when the
 * customer had no owner), {@code toName} how people know the new owner, {@code actorId} who reassigned it.
 */
public record CustomerOwnerChanged(UUID customerId, String from, String to, String toName, String actorId) {

    public static final String TYPE = "customer.owner-changed";
}
