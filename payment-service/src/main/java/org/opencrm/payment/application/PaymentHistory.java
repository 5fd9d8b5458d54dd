package org.opencrm.payment.application;

import java.util.List;
import java.util.UUID;

import org.opencrm.platform.history.FieldChange;
import org.opencrm.platform.history.FieldHistoryReader;
import org.opencrm.platform.paging.PageCursor;
import org.springframework.stereotype.Service;

/** A payment's field history (status, amounts, method, external reference), newest first. */
@Service
public class PaymentHistory {

    private final PaymentService payments;
    private final FieldHistoryReader history;

    public PaymentHistory(PaymentService payments, FieldHistoryReader history) {
        this.payments = payments;
        this.history = history;
    }

    /** One entry beyond {@code size}; 404 for a payment the caller cannot read, by the same rule as reading it. */
    public List<FieldChange> page(UUID id, PageCursor after, int size) {
        payments.get(id);
        return history.page(PaymentService.AGGREGATE, id, after, size);
    }

    public static PageCursor decodeCursor(String cursor) {
        return FieldHistoryReader.decodeCursor(cursor, PaymentService.AGGREGATE);
    }

    public static PageCursor cursorAfter(FieldChange change) {
        return FieldHistoryReader.cursorAfter(PaymentService.AGGREGATE, change);
    }
}
