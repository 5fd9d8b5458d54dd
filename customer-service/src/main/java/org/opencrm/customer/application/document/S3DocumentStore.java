package org.opencrm.customer.application.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.opencrm.customer.config.S3Properties;
import org.opencrm.customer.domain.document.DocumentStore;
import org.opencrm.customer.domain.document.DocumentStoreException;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The document store on the S3 API (AWS SDK for Java v2), in this service's bucket. */
@Component
class S3DocumentStore implements DocumentStore {

    private final S3Client s3;
    private final String bucket;

    S3DocumentStore(S3Client documentS3Client, S3Properties properties) {
        this.s3 = documentS3Client;
        this.bucket = properties.bucket();
    }

    @Override
    public void put(String key, Content content, long size, String contentType) {
        try {
            // a fresh stream for every attempt, so that the SDK's retries resend the whole document
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                    RequestBody.fromContentProvider(() -> open(content), size, contentType));
        }
        catch (SdkException ex) {
            throw new DocumentStoreException("The document store did not take the document.", ex);
        }
    }

    private static InputStream open(Content content) {
        try {
            return content.open();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the spooled upload", ex);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key));
        }
        catch (SdkException ex) {
            throw new DocumentStoreException("The document store did not return the document.", ex);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
        }
        catch (SdkException ex) {
            throw new DocumentStoreException("The document store did not delete the document.", ex);
        }
    }
}
