package org.opencrm.customer.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.opencrm.customer.domain.Customer;
import org.opencrm.customer.domain.CustomerFilter;
import org.opencrm.customer.domain.CustomerRepository;
import org.opencrm.customer.domain.CustomerRow;
import org.opencrm.customer.domain.CustomerSearch;
import org.opencrm.customer.domain.CustomerSort;
import org.opencrm.customer.domain.DeletedCustomerRow;
import org.opencrm.customer.domain.UnknownOwnerException;
import org.opencrm.customer.events.out.CustomerCreated;
import org.opencrm.customer.events.out.CustomerDeleted;
import org.opencrm.customer.events.out.CustomerOwnerChanged;
import org.opencrm.customer.events.out.CustomerRestored;
import org.opencrm.customer.events.out.CustomerUpdated;
import org.opencrm.platform.history.FieldHistory;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.users.DirectoryUser;
import org.opencrm.platform.users.UserDirectory;
import org.opencrm.platform.web.ConflictException;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer use cases: each change and its event commit together or not at all. The record-level rule of the
 * permission table: everyone who may list customers reads them all, but a caller limited to their own records
 * (sales) changes only the customers they own; another's is refused with 403, since they can read it.
 */
@Service
public class CustomerService {

    public static final String AGGREGATE = "customer";

    /** The {@code owner} filter meaning the caller. */
    public static final String ME = "me";

    public static final String EMAIL_TAKEN = "A customer with this email already exists.";

    private static final int EXPORT_FETCH_SIZE = 1000;

    private static final int BULK_CHUNK = 500;

    private final CustomerRepository customers;
    private final CustomerSearch search;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final RecordAccess records;
    private final UserDirectory users;
    private final Clock clock;
    private final FieldHistory history;
    private final EntityManager entityManager;

    public CustomerService(CustomerRepository customers, CustomerSearch search, OutboxWriter outbox,
            IdempotencyKeys idempotencyKeys, RecordAccess records, UserDirectory users, Clock clock,
            FieldHistory history, EntityManager entityManager) {
        this.customers = customers;
        this.search = search;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.records = records;
        this.users = users;
        this.clock = clock;
        this.history = history;
        this.entityManager = entityManager;
    }

    /**
     * Creates a customer owned by the caller, once per {@code idempotencyKey} (optional): a retried request gets the
     * customer the first one created.
     */
    @Transactional
    public CreatedCustomer create(CustomerDetails details, String idempotencyKey) {
        Owner owner = Owner.caller();
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce("customer.create", idempotencyKey, details,
                () -> create(details, owner).getId().toString());
        return new CreatedCustomer(CustomerRow.of(find(UUID.fromString(outcome.resourceId()))), outcome.replayed());
    }

    /** Creates a customer owned by {@code owner} (demo data, made outside any request). */
    @Transactional
    CustomerRow createOwnedBy(CustomerDetails details, Owner owner) {
        return CustomerRow.of(create(details, owner));
    }

    private Customer create(CustomerDetails details, Owner owner) {
        rejectTakenEmail(details.email());
        Customer customer = saveFlushed(newCustomer(details, owner));
        recordCreated(customer);
        return customer;
    }

    /**
     * Creates many customers at once (an import), each as {@link #create} does but without asking for its email
     * first: the caller has checked them all in one query, and the unique index still refuses one a concurrent
     * request took (409 for the whole batch). The inserts go in JDBC batches, and the persistence context is emptied
     * every {@value #BULK_CHUNK} customers: each flush checks every entity it holds, which made 10,000 customers in
     * one transaction quadratic.
     */
    @Transactional
    void createAll(List<Owned> batch) {
        int created = 0;
        for (Owned row : batch) {
            recordCreated(customers.save(newCustomer(row.details(), row.owner())));
            if (++created % BULK_CHUNK == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
    }

    /** A customer to create and who owns it. */
    record Owned(CustomerDetails details, Owner owner) {
    }

    private Customer newCustomer(CustomerDetails details, Owner owner) {
        return new Customer(details.name(), details.email(), details.phone(), details.company(), details.tags(),
                owner.id(), owner.name(), clock.instant());
    }

    private void recordCreated(Customer customer) {
        history.created(AGGREGATE, customer.getId());
        outbox.append(AGGREGATE, customer.getId(), CustomerCreated.TYPE, new CustomerCreated(customer.getId(),
                customer.getName(), customer.getEmail(), customer.getPhone(), customer.getCompany(),
                customer.getTags(), customer.getOwnerId(), customer.getOwnerName(), customer.getCreatedAt()));
    }

    @Transactional
    public CustomerRow update(UUID id, long expectedVersion, CustomerDetails details) {
        Customer customer = find(id);
        records.requireOwnerOf(customer.getOwnerId());
        if (customer.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Customer.class, id);
        }
        if (!customer.hasEmail(details.email())) {
            rejectTakenEmail(details.email());
        }
        CustomerSnapshot before = CustomerSnapshot.of(customer);
        change(customer, details);
        saveFlushed(customer);
        history.changed(AGGREGATE, id, before, CustomerSnapshot.of(customer));
        recordUpdated(customer);
        return CustomerRow.of(customer);
    }

    /**
     * Revises many customers at once (an import that updates the customers it finds by email), each as {@link #update}
     * and {@link #changeOwner} do, a chunk of {@value #BULK_CHUNK} loaded in one query: the caller read each
     * customer's version and checked who may change it, and a customer changed or deleted since then is a conflict
     * (409 for the whole batch).
     */
    @Transactional
    void updateAll(List<Revision> revisions) {
        for (int start = 0; start < revisions.size(); start += BULK_CHUNK) {
            List<Revision> chunk = revisions.subList(start, Math.min(start + BULK_CHUNK, revisions.size()));
            Map<UUID, Customer> loaded = customers.findAllById(chunk.stream().map(Revision::id).toList()).stream()
                .collect(Collectors.toMap(Customer::getId, Function.identity()));
            for (Revision revision : chunk) {
                revise(loaded.get(revision.id()), revision);
            }
            entityManager.flush();
            entityManager.clear();
        }
    }

    private void revise(Customer customer, Revision revision) {
        if (customer == null || customer.isDeleted() || customer.getVersion() != revision.version()) {
            throw new ObjectOptimisticLockingFailureException(Customer.class, revision.id());
        }
        CustomerSnapshot before = CustomerSnapshot.of(customer);
        String from = customer.getOwnerId();
        change(customer, revision.details());
        boolean transferred = revision.owner() != null
                && customer.transferTo(revision.owner().id(), revision.owner().name(), clock.instant());
        CustomerSnapshot after = CustomerSnapshot.of(customer);
        history.changed(AGGREGATE, customer.getId(), before, after);
        if (!before.sameDetailsAs(after)) {
            recordUpdated(customer);
        }
        if (transferred) {
            recordOwnerChanged(customer, from);
        }
    }

    /** A customer's new details and, when it changes hands, its new owner, for the version that was read. */
    record Revision(UUID id, long version, CustomerDetails details, Owner owner) {
    }

    private void change(Customer customer, CustomerDetails details) {
        customer.change(details.name(), details.email(), details.phone(), details.company(), details.tags(),
                clock.instant());
    }

    private void recordUpdated(Customer customer) {
        outbox.append(AGGREGATE, customer.getId(), CustomerUpdated.TYPE, new CustomerUpdated(customer.getId(),
                customer.getName(), customer.getEmail(), customer.getPhone(), customer.getCompany(),
                customer.getTags(), customer.getUpdatedAt()));
    }

    private void recordOwnerChanged(Customer customer, String from) {
        outbox.append(AGGREGATE, customer.getId(), CustomerOwnerChanged.TYPE, new CustomerOwnerChanged(
                customer.getId(), from, customer.getOwnerId(), customer.getOwnerName(),
                CurrentActor.id().orElse(null)));
    }

    /**
     * Makes an active user of the directory the customer's owner; nothing changes (and nothing is published) when
     * they already are.
     */
    @Transactional
    public CustomerRow changeOwner(UUID id, String ownerId) {
        Customer customer = find(id);
        records.requireOwnerOf(customer.getOwnerId());
        DirectoryUser owner = users.activeUser(ownerId).orElseThrow(() -> new UnknownOwnerException(ownerId));
        String from = customer.getOwnerId();
        CustomerSnapshot before = CustomerSnapshot.of(customer);
        if (customer.transferTo(owner.id(), owner.name(), clock.instant())) {
            saveFlushed(customer);
            history.changed(AGGREGATE, id, before, CustomerSnapshot.of(customer));
            recordOwnerChanged(customer, from);
        }
        return CustomerRow.of(customer);
    }

    /**
     * Deletes softly: the customer leaves lists, search and reads (404) at once, can be restored until the purge
     * removes it ({@link CustomerPurge}), and {@code customer.deleted} is published as before.
     */
    @Transactional
    public void delete(UUID id) {
        Customer customer = find(id);
        records.requireOwnerOf(customer.getOwnerId());
        Owner actor = Owner.caller();
        customer.delete(actor.id(), actor.name(), clock.instant());
        saveFlushed(customer);
        history.deleted(AGGREGATE, id);
        outbox.append(AGGREGATE, id, CustomerDeleted.TYPE, new CustomerDeleted(id, customer.getName()));
    }

    /** Brings a deleted customer back; 409 when a live customer has taken its email meanwhile. */
    @Transactional
    public CustomerRow restore(UUID id) {
        Customer customer = customers.findById(id).filter(Customer::isDeleted)
            .orElseThrow(() -> new ResourceNotFoundException("Deleted customer", id));
        rejectTakenEmail(customer.getEmail());
        customer.restore(clock.instant());
        saveFlushed(customer);
        history.restored(AGGREGATE, id);
        outbox.append(AGGREGATE, id, CustomerRestored.TYPE, new CustomerRestored(id, customer.getName()));
        return CustomerRow.of(customer);
    }

    /** The deleted customers not purged yet, most recently deleted first; one row beyond {@code size}. */
    public List<DeletedCustomerRow> listDeleted(PageCursor after, int size) {
        return search.deletedPage(after, size);
    }

    @Transactional(readOnly = true)
    public CustomerRow get(UUID id) {
        return CustomerRow.of(find(id));
    }

    /**
     * Reads one row beyond {@code size} so the caller can tell whether a next page exists. One statement, so no
     * transaction: it would only add a round trip (the COMMIT) to the most frequent request. {@code owner=me} is the
     * caller.
     */
    public List<CustomerRow> list(CustomerFilter filter, CustomerSort sort, PageCursor after, int size) {
        return search.page(resolved(filter), sort, after, size);
    }

    /** How many customers the list's filter matches, exactly up to {@link CustomerCount#CAP}. */
    public CustomerCount count(CustomerFilter filter) {
        return CustomerCount.of(search.count(resolved(filter), CustomerCount.CAP));
    }

    /**
     * Every customer the list's filter matches, in its order, to {@code rows} while they are read: an export of any
     * size in constant memory, its statements allowed {@code timeout} (the pool's is for interactive reads).
     */
    @Transactional(readOnly = true)
    public void export(CustomerFilter filter, CustomerSort sort, Duration timeout, Consumer<CustomerRow> rows) {
        search.allowInThisTransaction(timeout);
        search.stream(resolved(filter), sort, EXPORT_FETCH_SIZE, rows);
    }

    private static CustomerFilter resolved(CustomerFilter filter) {
        return ME.equals(filter.ownerId())
                ? new CustomerFilter(filter.query(), filter.tag(), CurrentActor.id().orElse(ME))
                : filter;
    }

    /** The users a customer may be given to: the directory's active users. */
    public List<DirectoryUser> owners() {
        return users.activeUsers();
    }

    /** A live customer: a deleted one is absent (404) until restored. */
    private Customer find(UUID id) {
        return customers.findById(id).filter(customer -> !customer.isDeleted())
            .orElseThrow(() -> new ResourceNotFoundException("Customer", id));
    }

    private void rejectTakenEmail(String email) {
        if (customers.existsByEmail(email.strip())) {
            throw emailTaken();
        }
    }

    /**
     * Flushes now so that a concurrent insert of the same email surfaces inside the transaction; the platform reports
     * it by the constraint violated ({@code CustomerConstraints}), so other integrity errors are not mistaken for it.
     */
    private Customer saveFlushed(Customer customer) {
        return customers.saveAndFlush(customer);
    }

    private static ConflictException emailTaken() {
        return new ConflictException(EMAIL_TAKEN, "email");
    }
}
