package org.opencrm.customer.application;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code crm.customers.purge.interval}: removes the customers deleted longer ago than the retention. One
 * instance at a time (ShedLock); the others skip that run.
 */
@Component
public class CustomerPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(CustomerPurgeJob.class);

    private final CustomerPurge purge;

    public CustomerPurgeJob(CustomerPurge purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelayString = "${crm.customers.purge.interval:1h}",
            initialDelayString = "${crm.customers.purge.initial-delay:1m}")
    @SchedulerLock(name = "customer-purge", lockAtMostFor = "${crm.customers.purge.lock-at-most-for:30m}")
    public void run() {
        try {
            int total = 0;
            int purged;
            do {
                purged = purge.purgeBatch();
                total += purged;
            }
            while (purged == purge.batchSize());
            if (total > 0) {
                log.info("Purged {} customers deleted longer ago than the retention", total);
            }
        }
        catch (DataAccessException ex) {
            log.warn("Purge of deleted customers failed, next run retries: {}", ex.getMessage());
        }
    }
}
