package org.opencrm.lead.events.in;

import java.util.UUID;

/** This service's view of {@code customer.restored}: only the fields it reads. */
public record CustomerRestored(UUID customerId, String name) {
}
