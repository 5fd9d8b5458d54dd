package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.customer.domain.document.DocumentRow;

/** {@code customer.document-attached}, version 1. */
public record DocumentAttached(UUID customerId, UUID documentId, String filename, String contentType, long size,
        String sha256, String actorId, String actorName, Instant occurredAt) {

    public static final String TYPE = "customer.document-attached";

    public static DocumentAttached of(DocumentRow document) {
        return new DocumentAttached(document.customerId(), document.id(), document.filename(), document.contentType(),
                document.size(), document.sha256(), document.uploadedBy(), document.uploadedByName(),
                document.uploadedAt());
    }
}
