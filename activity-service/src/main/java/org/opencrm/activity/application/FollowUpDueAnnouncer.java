package org.opencrm.activity.application;

import java.time.Clock;
import java.util.List;

import org.opencrm.activity.domain.DueFollowUp;
import org.opencrm.activity.domain.DueFollowUps;
import org.opencrm.activity.domain.FollowUpStatus;
import org.opencrm.activity.events.out.FollowUpChange;
import org.opencrm.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes {@code follow-up.due} for follow-ups whose due time has come, once each, with the mark in one transaction. */
@Service
public class FollowUpDueAnnouncer {

    private final DueFollowUps due;
    private final OutboxWriter outbox;
    private final Clock clock;

    public FollowUpDueAnnouncer(DueFollowUps due, OutboxWriter outbox, Clock clock) {
        this.due = due;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many follow-ups were announced (fewer than {@code batch}: none is left) */
    @Transactional
    public int announceDue(int batch) {
        List<DueFollowUp> claimed = due.claim(clock.instant(), batch);
        for (DueFollowUp followUp : claimed) {
            outbox.append(FollowUpService.AGGREGATE, followUp.id(), FollowUpChange.DUE, new FollowUpChange(followUp.id(),
                    followUp.customerId(), followUp.leadId(), followUp.title(), followUp.dueAt(), followUp.assignee(),
                    null, FollowUpStatus.OPEN.name(), clock.instant(), OutboxWriter.SYSTEM_ACTOR));
        }
        return claimed.size();
    }
}
