package org.opencrm.customer.application;

import java.util.List;
import java.util.UUID;

import org.opencrm.platform.history.FieldChange;
import org.opencrm.platform.history.FieldHistoryReader;
import org.opencrm.platform.paging.PageCursor;
import org.springframework.stereotype.Service;

/** A customer's field history: who changed what and when, newest first. */
@Service
public class CustomerHistory {

    private final CustomerService customers;
    private final FieldHistoryReader history;

    public CustomerHistory(CustomerService customers, FieldHistoryReader history) {
        this.customers = customers;
        this.history = history;
    }

    /**
     * Reads one entry beyond {@code size}; 404 for a customer the caller cannot read, by the same rule as reading the
     * customer itself.
     */
    public List<FieldChange> page(UUID id, PageCursor after, int size) {
        customers.get(id);
        return history.page(CustomerService.AGGREGATE, id, after, size);
    }

    public static PageCursor decodeCursor(String cursor) {
        return FieldHistoryReader.decodeCursor(cursor, CustomerService.AGGREGATE);
    }

    public static PageCursor cursorAfter(FieldChange change) {
        return FieldHistoryReader.cursorAfter(CustomerService.AGGREGATE, change);
    }
}
