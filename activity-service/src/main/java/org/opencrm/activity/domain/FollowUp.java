package org.opencrm.activity.domain;

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
 * Something someone has to do for a customer (optionally about one of its leads) by a due time. The column
 * {@code due_published_at} is deliberately not mapped: the due job owns it, and a user's save of an entity loaded
 * earlier must never write it back.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp extends AssignedIdEntity<UUID> {

    /** Due times a person can mean, and that PostgreSQL and every client's date library hold without surprises. */
    private static final Instant EARLIEST_DUE = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST_DUE = Instant.parse("9999-12-31T23:59:59Z");

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID customerId;

    private UUID leadId;

    @Column(nullable = false)
    private String title;

    private String notes;

    @Column(nullable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private String assignee;

    private String assigneeName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FollowUpStatus status;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant closedAt;

    @Version
    private long version;

    protected FollowUp() {
    }

    public FollowUp(UUID customerId, FollowUpDetails details, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.status = FollowUpStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = storable(now);
        change(details, now);
    }

    /** @throws FollowUpTransitionException unless the follow-up is still open */
    public void change(FollowUpDetails details, Instant now) {
        if (status != FollowUpStatus.OPEN) {
            throw new FollowUpTransitionException(status, "changed");
        }
        if (details.dueAt().isBefore(EARLIEST_DUE) || details.dueAt().isAfter(LATEST_DUE)) {
            throw new InvalidFollowUpException("dueAt", "must be between the years 1970 and 9999");
        }
        if (details.title() == null || details.title().isBlank()) {
            throw new InvalidFollowUpException("title", "must not be blank");
        }
        this.leadId = details.leadId();
        this.title = details.title().strip();
        this.notes = details.notes() == null || details.notes().isBlank() ? null : details.notes().strip();
        this.dueAt = storable(details.dueAt());
        this.assignee = details.assignee();
        this.assigneeName = details.assigneeName();
        this.updatedAt = storable(now);
    }

    /** @throws FollowUpTransitionException unless the follow-up is still open */
    public void close(FollowUpStatus outcome, Instant now) {
        if (!status.allowedNext().contains(outcome)) {
            throw new FollowUpTransitionException(status, outcome == FollowUpStatus.DONE ? "completed" : "cancelled");
        }
        this.status = outcome;
        this.closedAt = storable(now);
        this.updatedAt = storable(now);
    }

    /** PostgreSQL keeps microseconds: answer with what a later read returns, and keep cursors exact. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public String getTitle() {
        return title;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getAssigneeName() {
        return assigneeName;
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
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
