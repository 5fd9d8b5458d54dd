package org.opencrm.customer.domain.document;

import java.time.Instant;
import java.util.UUID;

/** A document's metadata; its bytes are the object {@code storageKey} of the document store. */
public record DocumentRow(UUID id, UUID customerId, String filename, String contentType, long size, String sha256,
        String storageKey, String uploadedBy, String uploadedByName, Instant uploadedAt) {
}
