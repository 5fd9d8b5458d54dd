package org.opencrm.customer.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.opencrm.customer.domain.CustomerRow;
import org.opencrm.customer.domain.CustomerSearch;
import org.opencrm.customer.domain.Tags;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.users.DirectoryUser;
import org.opencrm.platform.users.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers from a file, all in one transaction: each row a customer as a create makes it (its history and its
 * {@code customer.created} event), owned by the row's owner or else by the caller. A row whose email a customer
 * already has is skipped, so importing the same file again creates nothing twice, or with {@link Existing#UPDATE}
 * updates that customer as an edit does (its history, {@code customer.updated} and, when the owner changes,
 * {@code customer.owner-changed}): the file's filled cells replace its fields, empty ones keep them. A later row with
 * an earlier one's email is skipped; a row naming no active user as owner, or (for sales) another user or another's
 * customer, is refused. A dry run answers the same without changing anything.
 */
@Service
public class CustomerImport {

    /** A row of the file as it numbers it (the header is row 1), read and validated into what a create takes. */
    public record Row(int row, CustomerDetails details, String owner) {
    }

    public record Skipped(int row, String email, String reason) {
    }

    public record Problem(int row, String field, String message) {
    }

    /** What to do with a row whose email a customer already has. */
    public enum Existing {
        SKIP, UPDATE
    }

    /**
     * {@code accepted}: the customers created, {@code updated}: the customers changed, {@code unchanged}: the customers
     * the file names as they are (or, in a dry run, that would be).
     */
    public record Result(int accepted, int updated, int unchanged, List<Skipped> skipped, List<Problem> problems) {
    }

    static final String NOT_YOURS = "You can import only customers you own: leave the owner empty or name yourself.";

    static final String NOT_YOURS_TO_UPDATE = "A customer with this email exists and is another user's: you can "
            + "update only customers you own.";

    private final CustomerService customers;
    private final CustomerSearch search;
    private final RecordAccess records;
    private final UserDirectory users;

    public CustomerImport(CustomerService customers, CustomerSearch search, RecordAccess records,
            UserDirectory users) {
        this.customers = customers;
        this.search = search;
        this.records = records;
        this.users = users;
    }

    @Transactional
    public Result run(List<Row> rows, Existing existing, boolean dryRun) {
        Map<String, CustomerRow> known = search.liveByEmail(rows.stream().map(row -> row.details().email()).toList());
        Owners owners = new Owners(rows.stream().anyMatch(row -> row.owner() != null) ? users.activeUsers() : List.of());
        Owner caller = Owner.caller();
        Optional<String> ownOnly = records.ownerOnly();
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<CustomerService.Owned> created = new ArrayList<>();
        List<CustomerService.Revision> revised = new ArrayList<>();
        int unchanged = 0;
        for (Row row : rows) {
            String email = row.details().email().strip().toLowerCase(Locale.ROOT);
            Integer first = firstRowOf.putIfAbsent(email, row.row());
            if (first != null) {
                skipped.add(new Skipped(row.row(), row.details().email(), "Same email as row " + first + "."));
                continue;
            }
            CustomerRow customer = known.get(email);
            if (customer != null && existing == Existing.SKIP) {
                skipped.add(new Skipped(row.row(), row.details().email(), CustomerService.EMAIL_TAKEN));
                continue;
            }
            Resolved owner = row.owner() == null ? new Resolved(null, null) : owners.named(row.owner());
            if (owner.problem() != null) {
                problems.add(new Problem(row.row(), "owner", owner.problem()));
                continue;
            }
            if (ownOnly.isPresent() && owner.owner() != null && !ownOnly.get().equals(owner.owner().id())) {
                problems.add(new Problem(row.row(), "owner", NOT_YOURS));
                continue;
            }
            if (customer == null) {
                created.add(new CustomerService.Owned(row.details(), owner.owner() == null ? caller : owner.owner()));
            }
            else if (ownOnly.isPresent() && !ownOnly.get().equals(customer.ownerId())) {
                problems.add(new Problem(row.row(), "email", NOT_YOURS_TO_UPDATE));
            }
            else {
                Optional<CustomerService.Revision> revision = revision(customer, row.details(), owner.owner());
                revision.ifPresent(revised::add);
                unchanged += revision.isEmpty() ? 1 : 0;
            }
        }
        if (!dryRun) {
            customers.createAll(created);
            customers.updateAll(revised);
        }
        return new Result(created.size(), revised.size(), unchanged, List.copyOf(skipped), List.copyOf(problems));
    }

    /**
     * The customer with the row's filled cells, its email as it is (the key the row was found by, in any case); none
     * when that changes nothing.
     */
    private static Optional<CustomerService.Revision> revision(CustomerRow customer, CustomerDetails row,
            Owner owner) {
        CustomerDetails details = new CustomerDetails(row.name().strip(), customer.email(),
                row.phone() != null ? row.phone().strip() : customer.phone(),
                row.company() != null ? row.company().strip() : customer.company(),
                row.tags().isEmpty() ? customer.tags() : Tags.normalise(row.tags()));
        Owner newOwner = owner != null && !owner.id().equals(customer.ownerId()) ? owner : null;
        boolean same = details.equals(new CustomerDetails(customer.name(), customer.email(), customer.phone(),
                customer.company(), customer.tags()));
        return same && newOwner == null ? Optional.empty()
                : Optional.of(new CustomerService.Revision(customer.id(), customer.version(), details, newOwner));
    }

    /** The active users by username and by name, in any case: the owner column may hold either. */
    private static final class Owners {

        private final Map<String, List<DirectoryUser>> byKey = new HashMap<>();

        Owners(List<DirectoryUser> users) {
            for (DirectoryUser user : users) {
                add(user.username(), user);
                if (user.name() != null && !user.name().equalsIgnoreCase(user.username())) {
                    add(user.name(), user);
                }
            }
        }

        private void add(String key, DirectoryUser user) {
            if (key != null) {
                byKey.computeIfAbsent(key.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(user);
            }
        }

        Resolved named(String owner) {
            List<DirectoryUser> matches = byKey.getOrDefault(owner.strip().toLowerCase(Locale.ROOT), List.of());
            if (matches.size() != 1) {
                return new Resolved(null, matches.isEmpty()
                        ? "No active user who may own customers is called “" + owner + "”."
                        : "More than one user is called “" + owner + "”: use the username.");
            }
            DirectoryUser user = matches.get(0);
            return new Resolved(new Owner(user.id(), user.name()), null);
        }
    }

    /** The owner a row names, or why it names none. */
    private record Resolved(Owner owner, String problem) {
    }
}
