package org.opencrm.customer.application.document;

import java.io.InputStream;

import org.opencrm.customer.domain.document.DocumentRow;

/** A document's metadata and its bytes, streamed from the store; the caller closes {@code content}. */
public record DocumentDownload(DocumentRow document, InputStream content) {
}
