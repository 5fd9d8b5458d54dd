package org.opencrm.payment.events.in;

import java.util.UUID;

/**
 * This service's view of any customer event payload: only the fields it reads. The customer's id is {@code id} in
 * created, updated and deleted, {@code customerId} in the others; {@code ownerId} is created's owner, {@code to}
 * owner-changed's.
 */
public record CustomerFact(UUID id, UUID customerId, String name, String ownerId, String to) {

    UUID customer() {
        return id != null ? id : customerId;
    }
}
