package org.opencrm.lead.events.in;

import java.util.UUID;

/** This service's view of {@code customer.purged}: only the fields it reads. */
public record CustomerPurged(UUID customerId) {
}
