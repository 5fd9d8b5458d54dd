package org.opencrm.customer.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opencrm.customer.domain.CustomerSearch;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.users.DirectoryUser;
import org.opencrm.platform.users.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers from a file, all in one transaction: each row a customer as a create makes it (its history and its
 * {@code customer.created} event), owned by the row's owner or else by the caller. A row whose email a customer
 * already has, or an earlier row of the file, is skipped, so importing the same file again creates nothing twice; a
 * row naming no active user as owner, or (for sales) another user, is refused. A dry run answers the same without
 * creating anything.
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

    /** {@code accepted}: the customers created, or that would be in a dry run. */
    public record Result(int accepted, List<Skipped> skipped, List<Problem> problems) {
    }

    static final String NOT_YOURS = "You can import only customers you own: leave the owner empty or name yourself.";

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
    public Result run(List<Row> rows, boolean dryRun) {
        Set<String> taken = search.takenEmails(rows.stream().map(row -> row.details().email()).toList());
        Owners owners = new Owners(rows.stream().anyMatch(row -> row.owner() != null) ? users.activeUsers() : List.of());
        Owner caller = Owner.caller();
        Optional<String> ownOnly = records.ownerOnly();
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<CustomerService.Owned> accepted = new ArrayList<>();
        for (Row row : rows) {
            String email = row.details().email().strip().toLowerCase(Locale.ROOT);
            Integer first = firstRowOf.putIfAbsent(email, row.row());
            if (first != null) {
                skipped.add(new Skipped(row.row(), row.details().email(), "Same email as row " + first + "."));
                continue;
            }
            if (taken.contains(email)) {
                skipped.add(new Skipped(row.row(), row.details().email(), CustomerService.EMAIL_TAKEN));
                continue;
            }
            Resolved owner = row.owner() == null ? new Resolved(caller, null) : owners.named(row.owner());
            if (owner.problem() != null) {
                problems.add(new Problem(row.row(), "owner", owner.problem()));
                continue;
            }
            if (ownOnly.isPresent() && !ownOnly.get().equals(owner.owner().id())) {
                problems.add(new Problem(row.row(), "owner", NOT_YOURS));
                continue;
            }
            accepted.add(new CustomerService.Owned(row.details(), owner.owner()));
        }
        if (!dryRun) {
            customers.createAll(accepted);
        }
        return new Result(accepted.size(), List.copyOf(skipped), List.copyOf(problems));
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
