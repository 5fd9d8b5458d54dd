package org.opencrm.activity.application;

import org.opencrm.activity.domain.FollowUpRow;

/** A created follow-up, and whether it was created by an earlier request with the same Idempotency-Key. */
public record CreatedFollowUp(FollowUpRow followUp, boolean replayed) {
}
