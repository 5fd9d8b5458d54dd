package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of {@code customer.document-attached|document-removed}: only the fields it reads. */
public record CustomerDocumentEvent(UUID customerId, UUID documentId, String filename) {
}
