package org.opencrm.platform.richtext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.opencrm.platform.persistence.AssignedIdEntity;

/**
 * A rich-text note on a record (a customer, a lead): who wrote it, its body as sanitised HTML ({@link RichTextBodies}
 * sanitises before it gets here), when it was written and last rewritten. The entity that extends it adds the record
 * it belongs to and its table.
 */
@MappedSuperclass
public abstract class RichTextNote extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

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

    protected RichTextNote() {
    }

    protected RichTextNote(String authorId, String authorName, String body, Instant now) {
        this.id = UUID.randomUUID();
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
