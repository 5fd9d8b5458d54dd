package org.opencrm.lead.application;

import org.opencrm.lead.domain.Lead;
import org.opencrm.lead.domain.LeadSource;
import org.opencrm.lead.domain.LeadStatus;
import org.opencrm.lead.domain.Money;

/**
 * The lead's audited fields, in the order the history shows a change's entries: a field added here is audited from
 * then on (the platform's FieldHistory compares two snapshots component by component). The value in its currency's
 * minor unit, so that 100 and 100.00 EUR are no change; the assignee as people know them.
 */
record LeadSnapshot(LeadStatus status, String lostReason, String assignee, String value, String currency,
        String title, LeadSource source) {

    static LeadSnapshot of(Lead lead) {
        return new LeadSnapshot(lead.getStatus(), lead.getLostReason(),
                lead.getAssigneeName() != null ? lead.getAssigneeName() : lead.getAssignedTo(),
                Money.plain(lead.getValue(), lead.getCurrency()), lead.getCurrency(), lead.getTitle(),
                lead.getSource());
    }
}
