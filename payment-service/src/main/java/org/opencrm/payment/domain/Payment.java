package org.opencrm.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opencrm.platform.persistence.AssignedIdEntity;

/**
 * A payment of a customer (optionally for one of its leads). Its status changes only along
 * {@link PaymentStatus#allowedNext()}; refunds never exceed what was paid.
 */
@Entity
@Table(name = "payment")
public class Payment extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID customerId;

    @Column(updatable = false)
    private UUID leadId;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentMethod method;

    @Column(updatable = false)
    private String externalRef;

    @Column(nullable = false)
    private BigDecimal refundedAmount;

    private Instant paidAt;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private String createdByName;

    @Version
    private long version;

    protected Payment() {
    }

    public Payment(UUID customerId, UUID leadId, Money money, PaymentStatus status, PaymentMethod method,
            String externalRef, Instant paidAt, String createdBy, String createdByName, Instant now) {
        if (status != PaymentStatus.PENDING && status != PaymentStatus.COMPLETED) {
            throw new InvalidPaymentException("status", "a payment is recorded PENDING or COMPLETED");
        }
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.leadId = leadId;
        this.amount = money.amount();
        this.currency = money.currency().getCurrencyCode();
        this.status = status;
        this.method = method;
        this.externalRef = externalRef;
        this.refundedAmount = BigDecimal.ZERO.setScale(money.amount().scale());
        Instant at = storable(now);
        this.paidAt = paidAt != null ? storable(paidAt) : status == PaymentStatus.COMPLETED ? at : null;
        this.createdAt = at;
        this.updatedAt = at;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
    }

    /** Moves to COMPLETED or FAILED from PENDING; anything else is a {@link StatusTransitionException}. */
    public void settle(PaymentStatus next, Instant now) {
        if (next != PaymentStatus.COMPLETED && next != PaymentStatus.FAILED || !status.canMoveTo(next)) {
            throw new StatusTransitionException(status, next);
        }
        this.status = next;
        if (next == PaymentStatus.COMPLETED && paidAt == null) {
            this.paidAt = storable(now);
        }
        this.updatedAt = storable(now);
    }

    /**
     * Refunds part or all of what remains: PARTIALLY_REFUNDED or REFUNDED afterwards.
     *
     * @throws StatusTransitionException when the status allows no refund (PENDING, FAILED, REFUNDED)
     * @throws InvalidPaymentException naming {@code amount} when it exceeds what remains
     */
    public void refund(Money refund, Instant now) {
        if (!status.canMoveTo(PaymentStatus.REFUNDED)) {
            throw new StatusTransitionException(status, PaymentStatus.REFUNDED);
        }
        if (!refund.currency().getCurrencyCode().equals(currency)) {
            throw new InvalidPaymentException("currency", "the refund's currency must be the payment's, " + currency);
        }
        BigDecimal after = refundedAmount.add(refund.amount());
        if (after.compareTo(amount) > 0) {
            throw new InvalidPaymentException("amount", "at most %s %s remain to be refunded"
                .formatted(Money.plain(remaining(), currency), currency));
        }
        this.refundedAmount = after;
        this.status = after.compareTo(amount) == 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        this.updatedAt = storable(now);
    }

    public BigDecimal remaining() {
        return amount.subtract(refundedAmount);
    }

    public Money money() {
        return new Money(amount, java.util.Currency.getInstance(currency));
    }

    /** Microseconds, as PostgreSQL keeps them: what is saved is what is read back. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public BigDecimal getRefundedAmount() {
        return refundedAmount;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCreatedByName() {
        return createdByName;
    }

    public long getVersion() {
        return version;
    }
}
