package org.opencrm.activity.application;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.opencrm.activity.config.FollowUpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code crm.follow-ups.due.interval}: announces the follow-ups that fell due. ShedLock lets one instance run it
 * at a time; the claim in {@link FollowUpDueAnnouncer} makes each announcement happen once even without it.
 */
@Component
public class FollowUpDueJob {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDueJob.class);

    private final FollowUpDueAnnouncer announcer;
    private final FollowUpProperties properties;

    public FollowUpDueJob(FollowUpDueAnnouncer announcer, FollowUpProperties properties) {
        this.announcer = announcer;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${crm.follow-ups.due.interval:5s}",
            initialDelayString = "${crm.follow-ups.due.interval:5s}")
    @SchedulerLock(name = "follow-up-due", lockAtMostFor = "${crm.follow-ups.due.lock-at-most-for:PT30S}")
    public void run() {
        if (!properties.due().enabled()) {
            return;
        }
        try {
            int announced;
            do {
                announced = announcer.announceDue(properties.due().batchSize());
                if (announced > 0) {
                    log.debug("Announced {} follow-ups due", announced);
                }
            }
            while (announced == properties.due().batchSize());
        }
        catch (DataAccessException ex) {
            log.warn("Follow-ups due are announced at the next run: {}", ex.getMessage());
        }
    }
}
