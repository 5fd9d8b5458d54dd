package org.opencrm.customer.events.out;

import java.util.UUID;

/** {@code customer.deleted}, version 1. */
public record CustomerDeleted(UUID id, String name) {

    public static final String TYPE = "customer.deleted";
}
