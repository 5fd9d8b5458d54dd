package org.opencrm.customer.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencrm.platform.richtext.RichTextNote;

/** A note on a customer; its body is sanitised HTML (the use case sanitises before it gets here). */
@Entity
@Table(name = "customer_note")
public class Note extends RichTextNote {

    @Column(nullable = false, updatable = false)
    private UUID customerId;

    protected Note() {
    }

    public Note(UUID customerId, String authorId, String authorName, String body, Instant now) {
        super(authorId, authorName, body, now);
        this.customerId = customerId;
    }

    public UUID getCustomerId() {
        return customerId;
    }
}
