package org.opencrm.lead.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.opencrm.lead.domain.ColumnTotal;
import org.opencrm.lead.domain.CustomerFacts;
import org.opencrm.lead.domain.Lead;
import org.opencrm.lead.domain.LeadFilter;
import org.opencrm.lead.domain.LeadRepository;
import org.opencrm.lead.domain.LeadRow;
import org.opencrm.lead.domain.LeadSearch;
import org.opencrm.lead.domain.LeadSort;
import org.opencrm.lead.domain.LeadStatus;
import org.opencrm.lead.domain.Money;
import org.opencrm.lead.domain.AutoAssignment;
import org.opencrm.lead.domain.SalesUser;
import org.opencrm.lead.domain.SalesUserDirectory;
import org.opencrm.lead.domain.UnknownReferenceException;
import org.opencrm.lead.events.out.LeadAssigned;
import org.opencrm.lead.events.out.LeadCreated;
import org.opencrm.lead.events.out.LeadDeleted;
import org.opencrm.lead.events.out.LeadStatusChanged;
import org.opencrm.lead.events.out.LeadUpdated;
import org.opencrm.platform.history.FieldHistory;
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
 * The lead use cases: each change and its events commit together or not at all. The record-level rule of the
 * permission table holds on every path: a caller limited to their own records (sales) reaches only the leads assigned
 * to them, and another's lead does not exist for them (404).
 */
@Service
public class LeadService {

    public static final String AGGREGATE = "lead";

    /** The {@code assignee} filter meaning the caller. */
    public static final String ME = "me";

    private final LeadRepository leads;
    private final LeadSearch search;
    private final CustomerFacts customers;
    private final SalesUserDirectory salesUsers;
    private final AutoAssignment autoAssignment;
    private final RecordAccess records;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final AssignmentRecord assignmentRecord;
    private final Clock clock;
    private final FieldHistory history;

    public LeadService(LeadRepository leads, LeadSearch search, CustomerFacts customers, SalesUserDirectory salesUsers,
            AutoAssignment autoAssignment, RecordAccess records, OutboxWriter outbox, IdempotencyKeys idempotencyKeys,
            AssignmentRecord assignmentRecord, Clock clock, FieldHistory history) {
        this.leads = leads;
        this.search = search;
        this.customers = customers;
        this.salesUsers = salesUsers;
        this.autoAssignment = autoAssignment;
        this.records = records;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.assignmentRecord = assignmentRecord;
        this.clock = clock;
        this.history = history;
    }

    /** Creates a lead once per {@code idempotencyKey} (optional): a retry gets the lead the first request created. */
    @Transactional
    public CreatedLead create(NewLead request, String idempotencyKey) {
        Optional<String> owner = records.ownerOnly();
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce("lead.create", idempotencyKey, request,
                () -> create(request, owner).getId().toString());
        return new CreatedLead(row(findVisible(UUID.fromString(outcome.resourceId()), owner)), outcome.replayed());
    }

    private Lead create(NewLead request, Optional<String> owner) {
        Money value = Money.of(request.value(), request.currency());
        customers.activeName(request.customerId()).orElseThrow(() -> new UnknownReferenceException("customerId",
                "Customer " + request.customerId() + " does not exist or has been deleted."));
        Lead lead = new Lead(request.customerId(), request.title(), request.source(), value, clock.instant());
        Optional<SalesUser> assignee = assigneeOfNew(lead, request.assignee(), owner);
        assignee.ifPresent(user -> lead.assignTo(user.id(), user.name(), clock.instant()));
        leads.saveAndFlush(lead);
        history.created(AGGREGATE, lead.getId());
        outbox.append(AGGREGATE, lead.getId(), LeadCreated.TYPE, new LeadCreated(lead.getId(), lead.getCustomerId(),
                lead.getTitle(), lead.getSource().name(), plainValue(lead), lead.getCurrency(), lead.getStatus().name(),
                lead.getAssignedTo(), lead.getAssigneeName()));
        if (lead.getAssignedTo() != null) {
            publishAssigned(lead, null);
        }
        return lead;
    }

    /**
     * A caller limited to their own leads creates them for themself (naming someone else is refused); anyone else
     * names an active sales user, or leaves the choice to the automatic assignment.
     */
    private Optional<SalesUser> assigneeOfNew(Lead lead, String requested, Optional<String> owner) {
        if (owner.isPresent()) {
            if (requested != null && !requested.equals(owner.get())) {
                throw new AccessDeniedException("A sales user creates leads for themself only.");
            }
            // the caller's valid token with the sales role is proof enough: no call to the user directory, so a sales
            // user creates leads while Keycloak's admin API is away
            String name = CurrentActor.jwt().flatMap(CurrentActor::nameOf).orElse(owner.get());
            String username = CurrentActor.jwt().map(jwt -> jwt.getClaimAsString("preferred_username")).orElse(name);
            assignmentRecord.byCaller();
            return Optional.of(new SalesUser(owner.get(), username, name));
        }
        if (requested != null) {
            assignmentRecord.byCaller();
            return Optional.of(activeSalesUser(requested));
        }
        return autoAssignment.chooseFor(lead.getId(), lead.getCustomerId());
    }

    @Transactional
    public LeadRow update(UUID id, long expectedVersion, LeadDetails details) {
        Lead lead = findVisible(id, records.ownerOnly());
        if (lead.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Lead.class, id);
        }
        LeadSnapshot before = LeadSnapshot.of(lead);
        lead.change(details.title(), details.source(), Money.of(details.value(), details.currency()), clock.instant());
        leads.saveAndFlush(lead);
        history.changed(AGGREGATE, id, before, LeadSnapshot.of(lead));
        outbox.append(AGGREGATE, id, LeadUpdated.TYPE, new LeadUpdated(id, lead.getCustomerId(), lead.getTitle(),
                lead.getSource().name(), plainValue(lead), lead.getCurrency()));
        return row(lead);
    }

    @Transactional
    public LeadRow changeStatus(UUID id, LeadStatus status, String reason) {
        Lead lead = findVisible(id, records.ownerOnly());
        LeadStatus from = lead.getStatus();
        LeadSnapshot before = LeadSnapshot.of(lead);
        lead.moveTo(status, reason, clock.instant());
        leads.saveAndFlush(lead);
        history.changed(AGGREGATE, id, before, LeadSnapshot.of(lead));
        outbox.append(AGGREGATE, id, LeadStatusChanged.TYPE, new LeadStatusChanged(id, lead.getCustomerId(),
                lead.getTitle(), from.name(), status.name(), lead.getLostReason()));
        return row(lead);
    }

    @Transactional
    public LeadRow assign(UUID id, String assignee) {
        Lead lead = findVisible(id, records.ownerOnly());
        SalesUser user = activeSalesUser(assignee);
        String from = lead.getAssignedTo();
        LeadSnapshot before = LeadSnapshot.of(lead);
        if (lead.assignTo(user.id(), user.name(), clock.instant())) {
            assignmentRecord.byCaller();
            leads.saveAndFlush(lead);
            history.changed(AGGREGATE, id, before, LeadSnapshot.of(lead));
            publishAssigned(lead, from);
        }
        return row(lead);
    }

    @Transactional
    public void delete(UUID id) {
        Lead lead = findVisible(id, records.ownerOnly());
        leads.delete(lead);
        history.deleted(AGGREGATE, id);
        outbox.append(AGGREGATE, id, LeadDeleted.TYPE, new LeadDeleted(id, lead.getCustomerId(), lead.getTitle()));
    }

    @Transactional(readOnly = true)
    public LeadRow get(UUID id) {
        Optional<String> owner = records.ownerOnly();
        return search.find(id).filter(lead -> owner.isEmpty() || owner.get().equals(lead.assignedTo()))
            .orElseThrow(() -> notFound(id));
    }

    /**
     * Reads one row beyond {@code size} so the caller can tell whether a next page exists. One statement, so no
     * transaction: it would only add a round trip (the COMMIT) to the most frequent request.
     */
    public List<LeadRow> list(LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        return search.page(visible(filter), sort, after, size);
    }

    /**
     * How many leads the list's filters select, from the board's counts per status: kept by the database for the
     * filters the board has (assignee, source), counted through the search's indexes for a text; a status filter
     * takes its column of them.
     */
    @Transactional(readOnly = true)
    public LeadCount count(LeadFilter filter) {
        LeadFilter visible = visible(filter);
        return new LeadCount(search.totals(visible.withStatus(null)).stream()
            .filter(total -> visible.status() == null || total.status() == visible.status())
            .mapToLong(ColumnTotal::count)
            .sum());
    }

    /** Every status column with its count, value per currency and first page of cards, in one read-only transaction. */
    @Transactional(readOnly = true)
    public Board board(LeadFilter filter, int size) {
        LeadFilter visible = visible(filter);
        Map<LeadStatus, List<ColumnTotal>> totals = new TreeMap<>();
        for (ColumnTotal total : search.totals(visible)) {
            totals.computeIfAbsent(total.status(), status -> new ArrayList<>()).add(total);
        }
        List<Board.Column> columns = new ArrayList<>();
        for (LeadStatus status : LeadStatus.values()) {
            List<ColumnTotal> column = totals.getOrDefault(status, List.of());
            columns.add(new Board.Column(status, column.stream().mapToLong(ColumnTotal::count).sum(),
                    column.stream().map(total -> new Board.Total(total.currency(), total.value())).toList(),
                    search.page(visible.withStatus(status), LeadSort.CREATED, null, size)));
        }
        return new Board(columns);
    }

    public List<SalesUser> assignees() {
        return salesUsers.activeSalesUsers();
    }

    /** The filter as the caller may see it: {@code assignee=me} made their id, and the record-level rule applied. */
    private LeadFilter visible(LeadFilter filter) {
        LeadFilter resolved = ME.equals(filter.assignee())
                ? new LeadFilter(filter.status(), CurrentActor.id().orElse(ME), filter.source(), filter.customerId(),
                        filter.query(), filter.owner())
                : filter;
        return records.ownerOnly().map(resolved::ownedBy).orElse(resolved);
    }

    private SalesUser activeSalesUser(String id) {
        return salesUsers.activeSalesUser(id).orElseThrow(() -> new UnknownReferenceException("assignee",
                "User " + id + " is no active sales user."));
    }

    private void publishAssigned(Lead lead, String from) {
        outbox.append(AGGREGATE, lead.getId(), LeadAssigned.TYPE, new LeadAssigned(lead.getId(), lead.getCustomerId(),
                lead.getTitle(), from, lead.getAssignedTo(), lead.getAssigneeName()));
    }

    private Lead findVisible(UUID id, Optional<String> owner) {
        return leads.findVisibleTo(id, owner).orElseThrow(() -> notFound(id));
    }

    private LeadRow row(Lead lead) {
        return LeadRow.of(lead, customers.name(lead.getCustomerId()).orElse(null));
    }

    private static String plainValue(Lead lead) {
        return Money.plain(lead.getValue(), lead.getCurrency());
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("Lead", id);
    }
}
