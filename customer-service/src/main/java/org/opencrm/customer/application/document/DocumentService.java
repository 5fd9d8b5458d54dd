package org.opencrm.customer.application.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.opencrm.customer.config.DocumentProperties;
import org.opencrm.customer.domain.document.CustomerDocuments;
import org.opencrm.customer.domain.document.DocumentCleanup;
import org.opencrm.customer.domain.document.DocumentFilename;
import org.opencrm.customer.domain.document.DocumentRejectedException;
import org.opencrm.customer.domain.document.DocumentRejectedException.Reason;
import org.opencrm.customer.domain.document.DocumentRow;
import org.opencrm.customer.domain.document.DocumentStore;
import org.opencrm.customer.domain.document.DocumentTypePolicy;
import org.opencrm.customer.events.out.DocumentAttached;
import org.opencrm.customer.events.out.DocumentRemoved;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer documents: bytes in the document store (S3), metadata and events in PostgreSQL. No transaction is open
 * while bytes travel. An upload writes its object under a fresh key first and then the row in one transaction; a
 * cleanup entry reserved before the upload removes the object unless that transaction commits, so no failure (the
 * store, the database, a duplicate, a crash) leaves an object without a row, nor a row without an object. A delete
 * removes the row (and queues its object) in one transaction, then the object; what the store refuses is retried by
 * {@link DocumentCleanupJob}.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    static final String AGGREGATE = "customer";

    private final CustomerDocuments documents;
    private final DocumentCleanup cleanup;
    private final DocumentStore store;
    private final DocumentAccess access;
    private final ContentTypeDetector detector;
    private final DocumentTypePolicy types;
    private final DocumentProperties properties;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public DocumentService(CustomerDocuments documents, DocumentCleanup cleanup, DocumentStore store,
            DocumentAccess access, ContentTypeDetector detector, DocumentTypePolicy types,
            DocumentProperties properties, OutboxWriter outbox, TransactionTemplate transactions, Clock clock) {
        this.documents = documents;
        this.cleanup = cleanup;
        this.store = store;
        this.access = access;
        this.detector = detector;
        this.types = types;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public DocumentRow attach(UUID customerId, IncomingDocument upload) {
        access.requireChangeable(customerId);
        long max = properties.maxSize().toBytes();
        if (upload.size() > max) {
            throw new DocumentRejectedException(Reason.TOO_LARGE,
                    "The document is larger than the " + max + " bytes a document may have.");
        }
        if (upload.size() == 0) {
            throw new DocumentRejectedException(Reason.EMPTY, "The document is empty.");
        }
        String filename = DocumentFilename.sanitize(upload.submittedFilename());
        String contentType = detector.detect(upload.content(), filename);
        types.check(contentType);
        String sha256 = sha256(upload.content());

        UUID documentId = UUID.randomUUID();
        String key = "customers/" + customerId + "/" + documentId;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(status -> cleanup.reserve(key, now.plus(properties.uploadGrace())));
        DocumentRow document = new DocumentRow(documentId, customerId, filename, contentType, upload.size(), sha256,
                key, CurrentActor.id().orElse(OutboxWriter.SYSTEM_ACTOR), actorName(), now);
        try {
            store.put(key, upload.content(), upload.size(), contentType);
            // the second copy of a file is refused by the row's unique constraint, after its upload: only the
            // transaction can tell reliably, and the object goes again below
            return transactions.execute(status -> record(document));
        }
        catch (RuntimeException ex) {
            discard(key);
            throw ex;
        }
    }

    private DocumentRow record(DocumentRow document) {
        documents.insert(document);
        cleanup.release(document.storageKey());
        outbox.append(AGGREGATE, document.customerId(), DocumentAttached.TYPE, DocumentAttached.of(document));
        return document;
    }

    /** Newest first; reads one row beyond {@code size} so the caller can tell whether a next page exists. */
    public List<DocumentRow> list(UUID customerId, PageCursor after, int size) {
        access.requireReadable(customerId);
        return documents.page(customerId, after, size);
    }

    public DocumentDownload download(UUID customerId, UUID documentId) {
        access.requireReadable(customerId);
        DocumentRow document = find(customerId, documentId);
        return new DocumentDownload(document, store.open(document.storageKey()));
    }

    public void remove(UUID customerId, UUID documentId) {
        access.requireChangeable(customerId);
        DocumentRow document = transactions.execute(status -> {
            DocumentRow found = find(customerId, documentId);
            if (!documents.delete(documentId)) {
                throw notFound(documentId);
            }
            outbox.append(AGGREGATE, customerId, DocumentRemoved.TYPE,
                    DocumentRemoved.of(found, CurrentActor.id().orElse(OutboxWriter.SYSTEM_ACTOR), actorName(),
                            clock.instant()));
            return found;
        });
        discard(document.storageKey());
    }

    /** Removes the object now; if the store does not answer, its cleanup entry becomes due for the job's retries. */
    private void discard(String key) {
        try {
            store.delete(key);
            transactions.executeWithoutResult(status -> cleanup.release(key));
        }
        catch (RuntimeException ex) {
            log.warn("Object {} not removed yet, left to the cleanup job: {}", key, ex.toString());
            try {
                transactions.executeWithoutResult(status -> cleanup.dueNow(key, clock.instant()));
            }
            catch (RuntimeException again) {
                // the reserved entry still removes it once its grace period has passed
                log.warn("Cleanup entry of {} not advanced: {}", key, again.toString());
            }
        }
    }

    private DocumentRow find(UUID customerId, UUID documentId) {
        return documents.find(customerId, documentId).orElseThrow(() -> notFound(documentId));
    }

    private static ResourceNotFoundException notFound(UUID documentId) {
        return new ResourceNotFoundException("Document", documentId);
    }

    private static String actorName() {
        return CurrentActor.jwt().flatMap(CurrentActor::nameOf).orElse(OutboxWriter.SYSTEM_ACTOR);
    }

    private static String sha256(DocumentStore.Content content) {
        try (InputStream bytes = content.open();
                DigestInputStream digest = new DigestInputStream(bytes, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the spooled upload", ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
