package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opencrm.platform.persistence.AssignedIdEntity;

/** Something that happened to a customer, recorded from the event that announced it. */
@Entity
@Table(name = "activity")
public class Activity extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private String userId;

    private String userName;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, unique = true)
    private UUID eventId;

    private String correlationId;

    private UUID leadId;

    protected Activity() {
    }

    /** @param leadId the lead the entry is about, null for entries about no lead */
    public Activity(UUID customerId, String kind, UUID leadId, String userId, String userName, String action,
            String summary, Instant occurredAt, UUID eventId, String correlationId) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.kind = kind;
        this.leadId = leadId;
        this.userId = userId;
        this.userName = userName;
        this.action = action;
        this.summary = summary;
        this.occurredAt = occurredAt;
        this.eventId = eventId;
        this.correlationId = correlationId;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getUserName() {
        return userName;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getUserId() {
        return userId;
    }

    public String getKind() {
        return kind;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public String getAction() {
        return action;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getCorrelationId() {
        return correlationId;
    }
}
