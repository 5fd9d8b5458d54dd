package org.opencrm.lead.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.opencrm.platform.persistence.AssignedIdEntity;

/** A sales opportunity with a customer, moving through the pipeline of {@link LeadStatus}. */
@Entity
@Table(name = "lead")
public class Lead extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID customerId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadSource source;

    @Column(nullable = false)
    private BigDecimal value;

    @Column(nullable = false, length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    private String lostReason;

    private String assignedTo;

    private String assigneeName;

    /** Scoring's, kept beside the lead (lead_score): read with the lead, never written through it. */
    @Formula("(select s.score from lead_score s where s.lead_id = id)")
    private Integer score;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant closedAt;

    @Version
    private long version;

    /** The id is assigned here, so Spring Data cannot tell a new entity by it: save() would merge (select first). */
    protected Lead() {
    }

    public Lead(UUID customerId, String title, LeadSource source, Money value, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.status = LeadStatus.NEW;
        this.createdAt = storable(now);
        change(title, source, value, now);
    }

    public void change(String title, LeadSource source, Money value, Instant now) {
        this.title = title.strip();
        this.source = source;
        this.value = value.amount();
        this.currency = value.currency().getCurrencyCode();
        this.updatedAt = storable(now);
    }

    /**
     * Moves the lead along the pipeline; a lost lead needs a reason, and closing stamps {@code closedAt} (reopening
     * clears it).
     *
     * @throws StatusTransitionException when the pipeline does not allow the move
     * @throws InvalidLeadException naming {@code reason} when a lost lead has none
     */
    public void moveTo(LeadStatus next, String reason, Instant now) {
        if (!status.allowedNext().contains(next)) {
            throw new StatusTransitionException(status, next);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (next == LeadStatus.CLOSED_LOST && why == null) {
            throw new InvalidLeadException("reason", "is required when a lead is lost");
        }
        this.status = next;
        this.lostReason = next == LeadStatus.CLOSED_LOST ? why : null;
        this.closedAt = next.isClosed() ? storable(now) : null;
        this.updatedAt = storable(now);
    }

    /** @return whether the assignee changed */
    public boolean assignTo(String userId, String userName, Instant now) {
        if (Objects.equals(assignedTo, userId)) {
            return false;
        }
        this.assignedTo = userId;
        this.assigneeName = userId == null ? null : userName;
        this.updatedAt = storable(now);
        return true;
    }

    /** Whether this lead is the user's own under the record-level rule: assigned to them. */
    public boolean isAssignedTo(String userId) {
        return userId != null && userId.equals(assignedTo);
    }

    /** PostgreSQL keeps microseconds: answer with what a later read will return, and keep cursors exact. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getTitle() {
        return title;
    }

    public LeadSource getSource() {
        return source;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getCurrency() {
        return currency;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getLostReason() {
        return lostReason;
    }

    public String getAssignedTo() {
        return assignedTo;
    }

    public String getAssigneeName() {
        return assigneeName;
    }

    public Integer getScore() {
        return score;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getVersion() {
        return version;
    }
}
