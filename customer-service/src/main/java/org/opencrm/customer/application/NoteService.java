package org.opencrm.customer.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.customer.domain.Note;
import org.opencrm.customer.domain.NoteRepository;
import org.opencrm.customer.domain.NoteRow;
import org.opencrm.customer.domain.NoteSearch;
import org.opencrm.customer.events.out.NoteAdded;
import org.opencrm.customer.events.out.NoteDeleted;
import org.opencrm.customer.events.out.NoteUpdated;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.richtext.RichTextBodies;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a customer. Bodies are sanitised before they are stored (see {@link RichTextBodies}); each change and its
 * event commit together. Who may change a note: its author, or anyone the permission table does not limit to their
 * own records (managers, admins); a sales user adds notes to the customers they own.
 */
@Service
public class NoteService {

    private final NoteRepository notes;
    private final NoteSearch search;
    private final CustomerRecords customers;
    private final RichTextBodies bodies;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public NoteService(NoteRepository notes, NoteSearch search, CustomerRecords customers, RichTextBodies bodies,
            OutboxWriter outbox, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.notes = notes;
        this.search = search;
        this.customers = customers;
        this.bodies = bodies;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** Adds a note once per {@code idempotencyKey} (optional): a retry gets the note the first request added. */
    @Transactional
    public CreatedNote add(UUID customerId, String html, String idempotencyKey) {
        customers.requireWritable(customerId);
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce("note.create", idempotencyKey,
                new NoteRequestKey(customerId, html), () -> add(customerId, html).toString());
        return new CreatedNote(NoteRow.of(find(customerId, UUID.fromString(outcome.resourceId()))),
                outcome.replayed());
    }

    private UUID add(UUID customerId, String html) {
        CurrentActor.Signature author = CurrentActor.signature();
        Note note = notes.saveAndFlush(new Note(customerId, author.id(), author.name(), bodies.required("body", html),
                clock.instant()));
        outbox.append(CustomerService.AGGREGATE, customerId, NoteAdded.TYPE, new NoteAdded(customerId, note.getId(),
                note.getAuthorId(), note.getAuthorName(), RichTextBodies.excerpt(note.getBody()), note.getCreatedAt()));
        return note.getId();
    }

    @Transactional
    public NoteRow update(UUID customerId, UUID noteId, long expectedVersion, String html) {
        Note note = changeable(customerId, noteId);
        if (note.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Note.class, noteId);
        }
        note.rewrite(bodies.required("body", html), clock.instant());
        notes.saveAndFlush(note);
        outbox.append(CustomerService.AGGREGATE, customerId, NoteUpdated.TYPE, new NoteUpdated(customerId, noteId,
                note.getAuthorId(), note.getAuthorName(), RichTextBodies.excerpt(note.getBody()), note.getUpdatedAt()));
        return NoteRow.of(note);
    }

    @Transactional
    public void delete(UUID customerId, UUID noteId) {
        Note note = changeable(customerId, noteId);
        notes.delete(note);
        outbox.append(CustomerService.AGGREGATE, customerId, NoteDeleted.TYPE, new NoteDeleted(customerId, noteId,
                note.getAuthorId(), note.getAuthorName(), RichTextBodies.excerpt(note.getBody()), clock.instant()));
    }

    @Transactional(readOnly = true)
    public NoteRow get(UUID customerId, UUID noteId) {
        customers.requireReadable(customerId);
        return NoteRow.of(find(customerId, noteId));
    }

    /** Newest first; reads one row beyond {@code size} so the caller can tell whether a next page exists. */
    @Transactional(readOnly = true)
    public List<NoteRow> list(UUID customerId, PageCursor after, int size) {
        customers.requireReadable(customerId);
        return search.page(customerId, after, size);
    }

    /** The note, if the caller may change it: its author, or anyone not limited to their own records. */
    private Note changeable(UUID customerId, UUID noteId) {
        customers.requireReadable(customerId);
        Note note = find(customerId, noteId);
        Optional<String> ownOnly = customers.ownRecordsOnly();
        if (ownOnly.isPresent() && !note.isAuthoredBy(ownOnly.get())) {
            throw new AccessDeniedException("Only the note's author, a manager or an admin changes it.");
        }
        return note;
    }

    private Note find(UUID customerId, UUID noteId) {
        return notes.findByIdAndCustomerId(noteId, customerId)
            .orElseThrow(() -> new ResourceNotFoundException("Note", noteId));
    }

    /** What an Idempotency-Key stands for: the same body for the same customer. */
    record NoteRequestKey(UUID customerId, String body) {
    }
}
