package org.opencrm.customer.application.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opencrm.customer.config.DocumentProperties;
import org.opencrm.customer.domain.document.DocumentCleanup;
import org.opencrm.customer.domain.document.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the objects of removed documents, of uploads that never committed and of customers removed for good, which
 * the request itself could not delete (the store did not answer) or did not live to delete. Entries are claimed with a
 * lease, so every instance runs it without a lock; a failure is retried after the job's interval, doubling up to an
 * hour.
 */
@Component
class DocumentCleanupJob {

    private static final Logger log = LoggerFactory.getLogger(DocumentCleanupJob.class);

    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final DocumentCleanup cleanup;
    private final DocumentStore store;
    private final TransactionTemplate transactions;
    private final Duration firstBackoff;
    private final Clock clock;

    DocumentCleanupJob(DocumentCleanup cleanup, DocumentStore store, TransactionTemplate transactions,
            DocumentProperties properties, Clock clock) {
        this.cleanup = cleanup;
        this.store = store;
        this.transactions = transactions;
        this.firstBackoff = properties.cleanupInterval();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${crm.documents.cleanup-interval:30s}",
            fixedDelayString = "${crm.documents.cleanup-interval:30s}")
    void run() {
        try {
            sweep();
        }
        catch (RuntimeException ex) {
            log.warn("Document cleanup pass failed, next pass retries: {}", ex.toString());
        }
    }

    /** One pass: removes every due object it can. @return how many were removed */
    int sweep() {
        int removed = 0;
        List<String> due;
        do {
            Instant now = clock.instant();
            due = transactions.execute(status -> cleanup.claimDue(now, LEASE, BATCH));
            for (String key : due) {
                removed += remove(key) ? 1 : 0;
            }
        }
        while (due.size() == BATCH);
        return removed;
    }

    private boolean remove(String key) {
        try {
            store.delete(key);
            transactions.executeWithoutResult(status -> cleanup.release(key));
            return true;
        }
        catch (RuntimeException ex) {
            int attempts = cleanup.attempts(key);
            Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts, 16));
            transactions.executeWithoutResult(status -> cleanup.failed(key, ex.toString(),
                    clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff)));
            log.warn("Object {} not removed (attempt {}), retried later: {}", key, attempts + 1, ex.toString());
            return false;
        }
    }
}
