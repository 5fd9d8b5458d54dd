package org.opencrm.lead.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencrm.platform.richtext.RichTextNote;

/** A note on a lead; its body is sanitised HTML (the use case sanitises before it gets here). */
@Entity
@Table(name = "lead_note")
public class LeadNote extends RichTextNote {

    @Column(nullable = false, updatable = false)
    private UUID leadId;

    protected LeadNote() {
    }

    public LeadNote(UUID leadId, String authorId, String authorName, String body, Instant now) {
        super(authorId, authorName, body, now);
        this.leadId = leadId;
    }

    public UUID getLeadId() {
        return leadId;
    }
}
