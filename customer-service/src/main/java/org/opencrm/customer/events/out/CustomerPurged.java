package org.opencrm.customer.events.out;

import java.util.UUID;

/** {@code customer.purged}, version 1: a deleted customer is gone for good (after the retention). */
public record CustomerPurged(UUID customerId) {

    public static final String TYPE = "customer.purged";
}
