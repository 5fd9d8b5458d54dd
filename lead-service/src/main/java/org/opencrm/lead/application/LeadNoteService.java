package org.opencrm.lead.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.lead.domain.Lead;
import org.opencrm.lead.domain.LeadNote;
import org.opencrm.lead.domain.LeadNoteRepository;
import org.opencrm.lead.domain.LeadNoteRow;
import org.opencrm.lead.domain.LeadNoteSearch;
import org.opencrm.lead.domain.LeadRepository;
import org.opencrm.lead.events.out.LeadNoteChanged;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.richtext.RichTextBodies;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a lead. The lead's record-level rule holds: a caller limited to their own leads (sales) reads and adds notes
 * on the leads assigned to them only, another's lead does not exist for them (404). Who changes a note: its author,
 * or anyone the permission table does not limit to their own records (managers, admins). Bodies are sanitised before
 * they are stored; each change and its event commit together.
 */
@Service
public class LeadNoteService {

    private final LeadNoteRepository notes;
    private final LeadNoteSearch search;
    private final LeadRepository leads;
    private final RecordAccess records;
    private final RichTextBodies bodies;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public LeadNoteService(LeadNoteRepository notes, LeadNoteSearch search, LeadRepository leads, RecordAccess records,
            RichTextBodies bodies, OutboxWriter outbox, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.notes = notes;
        this.search = search;
        this.leads = leads;
        this.records = records;
        this.bodies = bodies;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** Adds a note once per {@code idempotencyKey} (optional): a retry gets the note the first request added. */
    @Transactional
    public CreatedLeadNote add(UUID leadId, String html, String idempotencyKey) {
        Lead lead = visibleLead(leadId);
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce("lead-note.create", idempotencyKey,
                new NoteRequestKey(leadId, html), () -> add(lead, html).toString());
        return new CreatedLeadNote(LeadNoteRow.of(find(leadId, UUID.fromString(outcome.resourceId()))),
                outcome.replayed());
    }

    private UUID add(Lead lead, String html) {
        CurrentActor.Signature author = CurrentActor.signature();
        LeadNote note = notes.saveAndFlush(new LeadNote(lead.getId(), author.id(), author.name(),
                bodies.required("body", html), clock.instant()));
        publish(LeadNoteChanged.ADDED, lead, note, note.getCreatedAt());
        return note.getId();
    }

    @Transactional
    public LeadNoteRow update(UUID leadId, UUID noteId, long expectedVersion, String html) {
        Lead lead = visibleLead(leadId);
        LeadNote note = changeable(leadId, noteId);
        if (note.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(LeadNote.class, noteId);
        }
        note.rewrite(bodies.required("body", html), clock.instant());
        notes.saveAndFlush(note);
        publish(LeadNoteChanged.UPDATED, lead, note, note.getUpdatedAt());
        return LeadNoteRow.of(note);
    }

    @Transactional
    public void delete(UUID leadId, UUID noteId) {
        Lead lead = visibleLead(leadId);
        LeadNote note = changeable(leadId, noteId);
        notes.delete(note);
        publish(LeadNoteChanged.DELETED, lead, note, clock.instant());
    }

    @Transactional(readOnly = true)
    public LeadNoteRow get(UUID leadId, UUID noteId) {
        visibleLead(leadId);
        return LeadNoteRow.of(find(leadId, noteId));
    }

    /** Newest first; reads one row beyond {@code size} so the caller can tell whether a next page exists. */
    @Transactional(readOnly = true)
    public List<LeadNoteRow> list(UUID leadId, PageCursor after, int size) {
        visibleLead(leadId);
        return search.page(leadId, after, size);
    }

    private void publish(String type, Lead lead, LeadNote note, Instant when) {
        outbox.append(LeadService.AGGREGATE, lead.getId(), type, new LeadNoteChanged(lead.getId(),
                lead.getCustomerId(), lead.getTitle(), note.getId(), note.getAuthorId(), note.getAuthorName(),
                RichTextBodies.excerpt(note.getBody()), when));
    }

    private Lead visibleLead(UUID leadId) {
        return leads.findVisibleTo(leadId, records.ownerOnly())
            .orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
    }

    /** The note, if the caller may change it: its author, or anyone not limited to their own records. */
    private LeadNote changeable(UUID leadId, UUID noteId) {
        LeadNote note = find(leadId, noteId);
        Optional<String> ownOnly = records.ownerOnly();
        if (ownOnly.isPresent() && !note.isAuthoredBy(ownOnly.get())) {
            throw new AccessDeniedException("Only the note's author, a manager or an admin changes it.");
        }
        return note;
    }

    private LeadNote find(UUID leadId, UUID noteId) {
        return notes.findByIdAndLeadId(noteId, leadId)
            .orElseThrow(() -> new ResourceNotFoundException("Note", noteId));
    }

    /** What an Idempotency-Key stands for: the same body for the same lead. */
    record NoteRequestKey(UUID leadId, String body) {
    }
}
