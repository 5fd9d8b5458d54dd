package org.opencrm.lead.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opencrm.platform.persistence.AssignedIdEntity;

/** A note on a lead; its body is sanitised HTML (the use case sanitises before it gets here). */
@Entity
@Table(name = "lead_note")
public class LeadNote extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID leadId;

    @Column(nullable = false, updatable = false)
    private String authorId;

    @Column(nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected LeadNote() {
    }

    public LeadNote(UUID leadId, String authorId, String authorName, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.leadId = leadId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = storable(now);
        this.updatedAt = this.createdAt;
    }

    public void rewrite(String body, Instant now) {
        this.body = body;
        this.updatedAt = storable(now);
    }

    public boolean isAuthoredBy(String actorId) {
        return authorId.equals(actorId);
    }

    /** PostgreSQL keeps microseconds: answer with what a later read will return, and keep cursors exact. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public String getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
