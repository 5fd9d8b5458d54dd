package org.opencrm.lead.application;

import java.util.List;
import java.util.UUID;

import org.opencrm.platform.history.FieldChange;
import org.opencrm.platform.history.FieldHistoryReader;
import org.opencrm.platform.paging.PageCursor;
import org.springframework.stereotype.Service;

/** A lead's field history: who changed its status, assignee, value, title or source, and when; newest first. */
@Service
public class LeadHistory {

    private final LeadService leads;
    private final FieldHistoryReader history;

    public LeadHistory(LeadService leads, FieldHistoryReader history) {
        this.leads = leads;
        this.history = history;
    }

    /**
     * Reads one entry beyond {@code size}; 404 for a lead the caller cannot see, by the same record-level rule as
     * reading the lead (a sales user's history of another's lead does not exist for them).
     */
    public List<FieldChange> page(UUID id, PageCursor after, int size) {
        leads.get(id);
        return history.page(LeadService.AGGREGATE, id, after, size);
    }

    public static PageCursor decodeCursor(String cursor) {
        return FieldHistoryReader.decodeCursor(cursor, LeadService.AGGREGATE);
    }

    public static PageCursor cursorAfter(FieldChange change) {
        return FieldHistoryReader.cursorAfter(LeadService.AGGREGATE, change);
    }
}
