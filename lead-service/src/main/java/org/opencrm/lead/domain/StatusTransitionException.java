package org.opencrm.lead.domain;

import java.util.List;

/** A status change the pipeline does not allow from the lead's current status (answered with 409 and the allowed). */
public class StatusTransitionException extends RuntimeException {

    private final LeadStatus from;

    private final LeadStatus to;

    public StatusTransitionException(LeadStatus from, LeadStatus to) {
        super(from.allowedNext().isEmpty() ? "A lead in status %s cannot change its status.".formatted(from)
                : "A lead in status %s cannot move to %s; allowed: %s.".formatted(from, to, from.allowedNext()));
        this.from = from;
        this.to = to;
    }

    public LeadStatus from() {
        return from;
    }

    public LeadStatus to() {
        return to;
    }

    public List<LeadStatus> allowed() {
        return from.allowedNext();
    }
}
