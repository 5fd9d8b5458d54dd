package org.opencrm.payment.domain;

import java.util.List;

/** A status change the payment's current status does not allow (answered 409 with the allowed ones). */
public class StatusTransitionException extends RuntimeException {

    private final PaymentStatus from;

    private final PaymentStatus to;

    public StatusTransitionException(PaymentStatus from, PaymentStatus to) {
        super(from.allowedNext().isEmpty() ? "A payment in status %s cannot change its status.".formatted(from)
                : "A payment in status %s cannot move to %s; allowed: %s.".formatted(from, to, from.allowedNext()));
        this.from = from;
        this.to = to;
    }

    public PaymentStatus from() {
        return from;
    }

    public PaymentStatus to() {
        return to;
    }

    public List<PaymentStatus> allowed() {
        return from.allowedNext();
    }
}
