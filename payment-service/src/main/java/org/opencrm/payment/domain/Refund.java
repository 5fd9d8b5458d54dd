package org.opencrm.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opencrm.platform.persistence.AssignedIdEntity;

/** Money given back on a payment; the payment's {@code refundedAmount} is the sum of its refunds. */
@Entity
@Table(name = "refund")
public class Refund extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID paymentId;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private String createdByName;

    protected Refund() {
    }

    public Refund(UUID paymentId, Money money, String reason, String createdBy, String createdByName, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = paymentId;
        this.amount = money.amount();
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.createdBy = createdBy;
        this.createdByName = createdByName;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCreatedByName() {
        return createdByName;
    }
}
