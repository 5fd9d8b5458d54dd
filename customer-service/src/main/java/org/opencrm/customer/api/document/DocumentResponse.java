package org.opencrm.customer.api.document;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.customer.domain.document.DocumentRow;

/** A document's metadata; its bytes: {@code GET /api/v1/customers/{id}/documents/{documentId}/content}. */
public record DocumentResponse(UUID id, UUID customerId, String filename, String contentType, long size, String sha256,
        String uploadedBy, String uploadedByName, Instant uploadedAt) {

    static DocumentResponse of(DocumentRow document) {
        return new DocumentResponse(document.id(), document.customerId(), document.filename(),
                document.contentType(), document.size(), document.sha256(), document.uploadedBy(),
                document.uploadedByName(), document.uploadedAt());
    }
}
