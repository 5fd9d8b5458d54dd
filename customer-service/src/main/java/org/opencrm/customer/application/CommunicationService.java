package org.opencrm.customer.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.opencrm.customer.config.NotesProperties;
import org.opencrm.customer.domain.CommunicationRow;
import org.opencrm.customer.domain.Communications;
import org.opencrm.customer.events.out.CommunicationLogged;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.richtext.RichTextBodies;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.web.InvalidFieldException;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communication log of a customer: calls, emails, meetings and messages, logged once and never changed. Support,
 * managers and admins log on any customer, a sales user on the customers they own; whoever reads the customer reads
 * its log.
 */
@Service
public class CommunicationService {

    /** Nothing earlier is a plausible date of a conversation, and PostgreSQL and Java agree on every later one. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final Communications communications;
    private final CustomerRecords customers;
    private final RichTextBodies bodies;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final NotesProperties properties;
    private final Clock clock;

    public CommunicationService(Communications communications, CustomerRecords customers, RichTextBodies bodies,
            OutboxWriter outbox, IdempotencyKeys idempotencyKeys, NotesProperties properties, Clock clock) {
        this.communications = communications;
        this.customers = customers;
        this.bodies = bodies;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Logs it once per {@code idempotencyKey} (optional): a retry gets what the first request logged. */
    @Transactional
    public LoggedCommunication log(UUID customerId, NewCommunication request, String idempotencyKey) {
        customers.requireWritable(customerId);
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce("communication.create", idempotencyKey,
                new LogRequestKey(customerId, request), () -> log(customerId, request).toString());
        return new LoggedCommunication(get(customerId, UUID.fromString(outcome.resourceId())), outcome.replayed());
    }

    private UUID log(UUID customerId, NewCommunication request) {
        Instant now = clock.instant();
        Instant occurredAt = plausible(request.occurredAt(), now);
        CurrentActor.Signature actor = CurrentActor.signature();
        CommunicationRow row = new CommunicationRow(UUID.randomUUID(), customerId, request.type(), request.direction(),
                request.subject().strip(), bodies.optional("body", request.body()), occurredAt,
                request.participants() == null ? List.of() : request.participants().stream().map(String::strip).toList(),
                request.durationMinutes(), actor.id(), actor.name(), now.truncatedTo(ChronoUnit.MICROS));
        communications.add(row);
        outbox.append(CustomerService.AGGREGATE, customerId, CommunicationLogged.TYPE, new CommunicationLogged(customerId,
                row.id(), row.type().name(), row.direction().name(), row.subject(), row.occurredAt(), row.loggedBy(),
                row.loggedByName()));
        return row.id();
    }

    @Transactional(readOnly = true)
    public CommunicationRow get(UUID customerId, UUID communicationId) {
        customers.requireReadable(customerId);
        return communications.find(customerId, communicationId)
            .orElseThrow(() -> new ResourceNotFoundException("Communication", communicationId));
    }

    /** Latest first; reads one row beyond {@code size} so the caller can tell whether a next page exists. */
    @Transactional(readOnly = true)
    public List<CommunicationRow> list(UUID customerId, PageCursor after, int size) {
        customers.requireReadable(customerId);
        return communications.page(customerId, after, size);
    }

    /** When it happened, to the microsecond PostgreSQL keeps; not in the future beyond the clients' clock skew. */
    private Instant plausible(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(properties.clockSkew()))) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "occurredAt", "must not be in the future");
        }
        if (occurredAt.isBefore(EARLIEST)) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "occurredAt", "must not be before 1900");
        }
        return occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** What an Idempotency-Key stands for: the same entry for the same customer. */
    record LogRequestKey(UUID customerId, NewCommunication request) {
    }
}
