package org.opencrm.reporting.domain;

import static org.opencrm.reporting.domain.CustomerFacts.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments and refunds as their events describe them. The status follows the newest event; the money moved at the
 * earliest time an event says the payment was completed; each refund is its own row. A change of the money moved moves
 * it between the kept revenue ({@link OwnedRollups}) in the same transaction.
 */
@Repository
public class PaymentFacts {

    private final JdbcClient jdbc;
    private final OwnedRollups rollups;

    public PaymentFacts(JdbcClient jdbc, OwnedRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** What every event but a refund carries: the payment's own amount. */
    public void amount(UUID id, UUID customerId, UUID leadId, BigDecimal amount, String currency) {
        ensure(id, customerId, leadId, currency);
        OwnedRollups.Counted before = rollups.payment(id);
        jdbc.sql("update payment_fact set amount = :amount where id = :id").param("id", id).param("amount", amount)
            .update();
        rollups.move(before, rollups.payment(id));
    }

    public void recorded(UUID id, String method, Instant at) {
        jdbc.sql("""
                update payment_fact set method = :method, recorded_at = least(coalesce(recorded_at, :at), :at)
                where id = :id""")
            .param("id", id).param("method", method).param("at", utc(at)).update();
    }

    public void status(UUID id, UUID customerId, UUID leadId, String currency, String status, Instant at) {
        ensure(id, customerId, leadId, currency);
        jdbc.sql("update payment_fact set status = :status, status_at = :at where id = :id and status_at <= :at")
            .param("id", id).param("status", status).param("at", utc(at)).update();
    }

    public void paid(UUID id, Instant at) {
        OwnedRollups.Counted before = rollups.payment(id);
        jdbc.sql("update payment_fact set paid_at = least(coalesce(paid_at, :at), :at) where id = :id")
            .param("id", id).param("at", utc(at)).update();
        rollups.move(before, rollups.payment(id));
    }

    public void refunded(UUID refundId, UUID paymentId, UUID customerId, UUID leadId, BigDecimal amount,
            String currency, Instant at) {
        rollups.shared(customerId, leadId);
        OwnedRollups.Counted before = rollups.refund(refundId);
        jdbc.sql("""
                insert into refund_fact (id, payment_id, customer_id, lead_id, amount, currency, refunded_at)
                values (:id, :paymentId, :customerId, :leadId, :amount, :currency, :at) on conflict do nothing""")
            .param("id", refundId).param("paymentId", paymentId).param("customerId", customerId)
            .param("leadId", leadId).param("amount", amount).param("currency", currency).param("at", utc(at))
            .update();
        rollups.move(before, rollups.refund(refundId));
    }

    private void ensure(UUID id, UUID customerId, UUID leadId, String currency) {
        jdbc.sql("""
                insert into payment_fact (id, customer_id, lead_id, currency, status)
                values (:id, :customerId, :leadId, :currency, 'PENDING') on conflict do nothing""")
            .param("id", id).param("customerId", customerId).param("leadId", leadId).param("currency", currency)
            .update();
    }
}
