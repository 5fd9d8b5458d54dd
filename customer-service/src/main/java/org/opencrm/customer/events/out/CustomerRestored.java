package org.opencrm.customer.events.out;

import java.util.UUID;

/** {@code customer.restored}, version 1: a deleted customer is back. */
public record CustomerRestored(UUID customerId, String name) {

    public static final String TYPE = "customer.restored";
}
