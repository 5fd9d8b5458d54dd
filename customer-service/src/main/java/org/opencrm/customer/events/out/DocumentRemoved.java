package org.opencrm.customer.events.out;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.customer.domain.document.DocumentRow;

/** {@code customer.document-removed}, version 1: who removed it, and when. */
public record DocumentRemoved(UUID customerId, UUID documentId, String filename, String contentType, long size,
        String sha256, String actorId, String actorName, Instant occurredAt) {

    public static final String TYPE = "customer.document-removed";

    public static DocumentRemoved of(DocumentRow document, String actorId, String actorName, Instant occurredAt) {
        return new DocumentRemoved(document.customerId(), document.id(), document.filename(), document.contentType(),
                document.size(), document.sha256(), actorId, actorName, occurredAt);
    }
}
