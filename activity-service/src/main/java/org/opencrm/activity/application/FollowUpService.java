package org.opencrm.activity.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.opencrm.activity.domain.DueFollowUps;
import org.opencrm.activity.domain.DueWindow;
import org.opencrm.activity.domain.FollowUp;
import org.opencrm.activity.domain.FollowUpDetails;
import org.opencrm.activity.domain.FollowUpFilter;
import org.opencrm.activity.domain.FollowUpRepository;
import org.opencrm.activity.domain.FollowUpRow;
import org.opencrm.activity.domain.FollowUpSearch;
import org.opencrm.activity.domain.FollowUpStatus;
import org.opencrm.activity.domain.InvalidFollowUpException;
import org.opencrm.activity.domain.KnownCustomers;
import org.opencrm.activity.domain.KnownLead;
import org.opencrm.activity.domain.KnownLeads;
import org.opencrm.activity.domain.KnownUser;
import org.opencrm.activity.domain.KnownUsers;
import org.opencrm.activity.domain.UnknownReferenceException;
import org.opencrm.activity.events.out.FollowUpChange;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up use cases: each change and its event on {@code crm.activity} commit together or not at all. The
 * record-level rule of the permission table holds on every path: a caller limited to their own records reaches the
 * follow-ups assigned to them and those on leads assigned to them; another's does not exist for them (404).
 */
@Service
public class FollowUpService {

    /** Follow-up events go to {@code crm.activity}, keyed by the follow-up's id. */
    static final String AGGREGATE = "activity";

    /** The {@code assignee} meaning the caller. */
    public static final String ME = "me";

    private static final int ASSIGNEES_SHOWN = 500;

    private final FollowUpRepository followUps;
    private final FollowUpSearch search;
    private final KnownCustomers customers;
    private final KnownLeads leads;
    private final KnownUsers users;
    private final DueFollowUps due;
    private final RecordAccess records;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public FollowUpService(FollowUpRepository followUps, FollowUpSearch search, KnownCustomers customers,
            KnownLeads leads, KnownUsers users, DueFollowUps due, RecordAccess records, OutboxWriter outbox,
            IdempotencyKeys idempotencyKeys, Clock clock) {
        this.followUps = followUps;
        this.search = search;
        this.customers = customers;
        this.leads = leads;
        this.users = users;
        this.due = due;
        this.records = records;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** Creates a follow-up once per {@code idempotencyKey} (optional): a retry gets what the first request created. */
    @Transactional
    public CreatedFollowUp create(NewFollowUp request, String idempotencyKey) {
        Optional<String> owner = records.ownerOnly();
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce("follow-up.create", idempotencyKey, request,
                () -> create(request, owner).getId().toString());
        return new CreatedFollowUp(find(UUID.fromString(outcome.resourceId())), outcome.replayed());
    }

    private FollowUp create(NewFollowUp request, Optional<String> owner) {
        if (!customers.isActive(request.customerId())) {
            throw new UnknownReferenceException("customerId",
                    "Customer " + request.customerId() + " does not exist or has been deleted.");
        }
        FollowUpDetails details = details(request.customerId(), request.leadId(), request.title(), request.notes(),
                request.dueAt(), request.assignee());
        owner.ifPresent(me -> requireOwn(me, details));
        Instant now = clock.instant();
        FollowUp followUp = new FollowUp(request.customerId(), details, caller(), now);
        followUps.saveAndFlush(followUp);
        publish(FollowUpChange.CREATED, followUp);
        return followUp;
    }

    @Transactional
    public FollowUpRow update(UUID id, long expectedVersion, FollowUpChanges changes) {
        FollowUp followUp = findVisible(id, records.ownerOnly());
        if (followUp.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(FollowUp.class, id);
        }
        Instant dueBefore = followUp.getDueAt();
        followUp.change(details(followUp.getCustomerId(), changes.leadId(), changes.title(), changes.notes(),
                changes.dueAt(), changes.assignee()), clock.instant());
        followUps.saveAndFlush(followUp);
        if (!followUp.getDueAt().equals(dueBefore)) {
            due.rescheduled(id);
        }
        publish(FollowUpChange.UPDATED, followUp);
        return find(id);
    }

    @Transactional
    public FollowUpRow complete(UUID id, Long expectedVersion) {
        return close(id, expectedVersion, FollowUpStatus.DONE, FollowUpChange.COMPLETED);
    }

    @Transactional
    public FollowUpRow cancel(UUID id, Long expectedVersion) {
        return close(id, expectedVersion, FollowUpStatus.CANCELLED, FollowUpChange.CANCELLED);
    }

    private FollowUpRow close(UUID id, Long expectedVersion, FollowUpStatus outcome, String type) {
        FollowUp followUp = findVisible(id, records.ownerOnly());
        if (expectedVersion != null && followUp.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(FollowUp.class, id);
        }
        followUp.close(outcome, clock.instant());
        followUps.saveAndFlush(followUp);
        publish(type, followUp);
        return find(id);
    }

    @Transactional(readOnly = true)
    public FollowUpRow get(UUID id) {
        Optional<String> owner = records.ownerOnly();
        return search.find(id).filter(row -> owner.isEmpty() || search.isOwnedBy(id, owner.get()))
            .orElseThrow(() -> notFound(id));
    }

    /**
     * Soonest due first. Reads one row beyond {@code size} so the caller can tell whether a next page exists. One
     * statement, so no transaction.
     */
    public List<FollowUpRow> list(FollowUpQuery query, PageCursor after, int size) {
        String assignee = ME.equals(query.assignee()) ? CurrentActor.id().orElse(ME) : query.assignee();
        FollowUpStatus status = query.status();
        Instant from = null;
        Instant before = null;
        if (query.due() != null) {
            DueWindow.Range range = query.due().range(clock.instant(),
                    query.zone() == null ? ZoneOffset.UTC : query.zone());
            from = range.from();
            before = range.before();
            status = FollowUpStatus.OPEN;
        }
        FollowUpFilter filter = new FollowUpFilter(assignee, query.customerId(), query.leadId(), status, from, before,
                null);
        return search.page(records.ownerOnly().map(filter::ownedBy).orElse(filter), after, size);
    }

    /** Who a follow-up may be assigned to, the caller first. */
    public List<KnownUser> assignees() {
        Optional<KnownUser> me = callerAsUser();
        List<KnownUser> known = users.all(ASSIGNEES_SHOWN).stream()
            .filter(user -> me.isEmpty() || !user.id().equals(me.get().id())).toList();
        return me.map(user -> Stream.concat(Stream.of(user), known.stream())
            .toList()).orElse(known);
    }

    /** Checks the references and resolves the assignee: the caller, or a user this service has seen. */
    private FollowUpDetails details(UUID customerId, UUID leadId, String title, String notes, Instant dueAt,
            String requestedAssignee) {
        if (leadId != null) {
            KnownLead lead = leads.find(leadId).filter(known -> !known.deleted()).orElseThrow(() ->
                    new UnknownReferenceException("leadId", "Lead " + leadId + " does not exist or has been deleted."));
            if (!lead.customerId().equals(customerId)) {
                throw new UnknownReferenceException("leadId", "Lead " + leadId + " is not a lead of this customer.");
            }
        }
        KnownUser assignee = assignee(requestedAssignee);
        Instant now = clock.instant();
        callerAsUser().ifPresent(me -> users.seen(me.id(), me.name(), now));
        users.seen(assignee.id(), assignee.name(), now);
        return new FollowUpDetails(leadId, title, notes, dueAt, assignee.id(), assignee.name());
    }

    private KnownUser assignee(String requested) {
        Optional<KnownUser> me = callerAsUser();
        if (me.isEmpty() && CurrentActor.partnerClient().isPresent() && (requested == null || requested.isBlank()
                || ME.equals(requested))) {
            throw new InvalidFollowUpException("assignee",
                    "A partner client names the user the follow-up is for: a user id listed by the CRM.");
        }
        if (requested == null || requested.isBlank() || ME.equals(requested)
                || me.map(KnownUser::id).filter(requested::equals).isPresent()) {
            return me.orElseThrow(() -> new UnknownReferenceException("assignee", "Name an assignee."));
        }
        return users.find(requested).orElseThrow(() -> new UnknownReferenceException("assignee",
                "User " + requested + " is not known here: assign the follow-up to yourself or to a user listed by "
                        + "GET /api/v1/follow-ups/assignees."));
    }

    /** A caller limited to their own follow-ups creates them for themself or on their own leads only. */
    private void requireOwn(String me, FollowUpDetails details) {
        boolean theirs = me.equals(details.assignee()) || (details.leadId() != null && leads.find(details.leadId())
            .map(KnownLead::assignee).filter(me::equals).isPresent());
        if (!theirs) {
            throw new AccessDeniedException("A sales user creates follow-ups for themself or on their own leads.");
        }
    }

    private void publish(String type, FollowUp followUp) {
        outbox.append(AGGREGATE, followUp.getId(), type, new FollowUpChange(followUp.getId(),
                followUp.getCustomerId(), followUp.getLeadId(), followUp.getTitle(), followUp.getDueAt(),
                followUp.getAssignee(), followUp.getAssigneeName(), followUp.getStatus().name(), clock.instant(),
                caller()));
    }

    private FollowUp findVisible(UUID id, Optional<String> owner) {
        return followUps.findById(id).filter(followUp -> owner.isEmpty() || search.isOwnedBy(id, owner.get()))
            .orElseThrow(() -> notFound(id));
    }

    private FollowUpRow find(UUID id) {
        return search.find(id).orElseThrow(() -> notFound(id));
    }

    /** The signed-in user; a partner's client is nobody's assignee. */
    private static Optional<KnownUser> callerAsUser() {
        if (CurrentActor.partnerClient().isPresent()) {
            return Optional.empty();
        }
        return CurrentActor.jwt().map(jwt -> new KnownUser(jwt.getSubject(),
                CurrentActor.nameOf(jwt).orElse(jwt.getSubject())));
    }

    /** Who acts: the user's id, the partner's client id, or the system outside a request. */
    private static String caller() {
        return CurrentActor.partnerClient().or(CurrentActor::id).orElse(OutboxWriter.SYSTEM_ACTOR);
    }


    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("Follow-up", id);
    }
}
