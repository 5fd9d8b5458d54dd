package org.opencrm.customer.domain.document;

import java.io.IOException;
import java.io.InputStream;

/** Where documents' bytes live: any S3-compatible object store in practice. Keys are ours, never a filename. */
public interface DocumentStore {

    /**
     * Writes the object; atomic in S3 (a failed write leaves no object, a write that timed out may still land: callers
     * treat a failure as "maybe written").
     *
     * @throws DocumentStoreException when the store refuses or does not answer
     */
    void put(String key, Content content, long size, String contentType);

    /** The object's bytes, streamed; the caller closes the stream. */
    InputStream open(String key);

    /** Removes the object; removing a missing object succeeds. */
    void delete(String key);

    /** Bytes that can be read more than once (an upload spooled to a file). */
    @FunctionalInterface
    interface Content {

        InputStream open() throws IOException;
    }
}
