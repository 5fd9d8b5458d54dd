package org.opencrm.lead.domain;

import java.util.List;

/**
 * Where a lead stands in the pipeline, and where it may go from there: NEW → IN_PROGRESS → CLOSED_WON |
 * CLOSED_LOST; a new lead may be dropped at once, and a closed one reopened (a win marked by mistake, a deal that
 * came back).
 */
public enum LeadStatus {
    NEW, IN_PROGRESS, CLOSED_WON, CLOSED_LOST;

    /** The statuses a lead in this one may move to, in pipeline order. */
    public List<LeadStatus> allowedNext() {
        return switch (this) {
            case NEW -> List.of(IN_PROGRESS, CLOSED_LOST);
            case IN_PROGRESS -> List.of(CLOSED_WON, CLOSED_LOST);
            case CLOSED_WON -> List.of(IN_PROGRESS);
            case CLOSED_LOST -> List.of(IN_PROGRESS);
        };
    }

    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
