package org.opencrm.customer.application.document;

import org.opencrm.customer.domain.document.DocumentStore;

/**
 * An upload as the web layer received it (spooled to a temporary file, read as often as needed).
 *
 * @param submittedFilename the name the client sent, unsanitised
 */
public record IncomingDocument(String submittedFilename, long size, DocumentStore.Content content) {
}
