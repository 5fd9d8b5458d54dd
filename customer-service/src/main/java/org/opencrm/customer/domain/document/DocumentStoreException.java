package org.opencrm.customer.domain.document;

/** The document store refused a request or did not answer: the client may retry later. */
public class DocumentStoreException extends RuntimeException {

    public DocumentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
