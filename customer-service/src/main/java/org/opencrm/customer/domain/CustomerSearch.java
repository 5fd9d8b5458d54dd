package org.opencrm.customer.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.persistence.LongReads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyset-paginated listing and substring search: never an offset, so page 1,000 costs what page 1 costs.
 */
@Repository
public class CustomerSearch {

    static final String COLUMNS =
            "id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version";

    /**
     * Customers in list order a search (text or tag) first looks through for a page: enough for a term or tag one in a
     * hundred customers match, a few milliseconds at most. Nothing is counted when they hold a page.
     */
    static final int BOUNDED_WALK = 5000;

    /**
     * A search at most this many live customers match is read through the indexes of its text (trigrams) and tag,
     * then sorted. The planner cannot tell a rare term or tag from a common one (it guesses a fixed share of the table
     * for a substring, 0.5 % for any tag it has no statistics of), so for a page in order it walks the newest-first
     * index and checks each customer: it stops after a page for a common one, but passes over every customer for one
     * that matches fewer than a page — a name or email looked up, the most frequent search (seconds at 1M, the
     * statement timeout).
     */
    static final int RARE = 1000;

    /**
     * How far a common search walks on in list order before its matches are read through the indexes and sorted
     * instead: a common term can lie far from where the list starts (a first name in alphabetical order: "anna" is
     * passed after a third of the customers, 3 s at 1M, where its 22,000 matches sorted take 0.6 s).
     */
    static final int LONGER_WALK = 50_000;

    /** pg_trgm finds substrings of at least three characters through its index; shorter ones match nearly anyone. */
    private static final int TRIGRAM = 3;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;
    private final int longerWalk;

    @Autowired
    public CustomerSearch(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this(jdbc, dataSource, transactions, LONGER_WALK);
    }

    /** With a shorter longer walk, for tests that cannot load tens of thousands of customers. */
    CustomerSearch(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, int longerWalk) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.longerWalk = longerWalk;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, PageCursor after, int size) {
        if (filter.tag() == null && filter.query() == null) {
            return query(filter, sort, after, size, 0);
        }
        // a common term or tag fills a page among the next few thousand customers; counting its matches costs more (its
        // whole posting lists are read to count even a thousand)
        List<CustomerRow> walked = query(filter, sort, after, size, BOUNDED_WALK);
        if (walked.size() > size) {
            return walked;
        }
        if (!indexed(filter)) {
            // one or two letters: no index finds them, and nearly every customer has them; walk on in order
            return query(filter, sort, after, size, 0);
        }
        // the planner settings are the transaction's own (set_config's is_local), so it needs one
        return readOnly.execute(status -> {
            usePlans("off");
            if (matches(filter, RARE + 1) <= RARE) {
                return query(filter, sort, after, size, 0);
            }
            // common, but not among the next few thousand (matching older customers, say): walk on a while
            usePlans("on");
            List<CustomerRow> further = query(filter, sort, after, size, longerWalk);
            if (further.size() > size) {
                return further;
            }
            // common, yet far ahead in the list's order: its matches sorted cost less than the walk to them
            usePlans("off");
            return query(filter, sort, after, size, 0);
        });
    }

    /** Whether an index finds the filter's matches: a tag, or a text of at least a trigram. */
    private static boolean indexed(CustomerFilter filter) {
        return filter.tag() != null || filter.query().length() >= TRIGRAM;
    }

    /**
     * How many live customers the filter matches, up to {@code cap} and one more (beyond, the caller says "more than").
     * A text or a tag is counted with bitmap scans only, as {@link #page} reads a rare one: the text's or the tag's
     * index finds a rare one's few matches, where a walk in the list's order would pass over every customer (the
     * planner settings last for the count's transaction).
     */
    public long count(CustomerFilter filter, int cap) {
        if ((filter.tag() == null && filter.query() == null) || !indexed(filter)) {
            return matches(filter, cap + 1);
        }
        return readOnly.execute(status -> {
            usePlans("off");
            return matches(filter, cap + 1);
        });
    }

    /** How many live customers the filter matches, counted up to {@code limit}. */
    private long matches(CustomerFilter filter, int limit) {
        return jdbc.sql("select count(*) from (select 1 from customer where deleted_at is null"
                + searchConditions(filter) + ownerCondition(filter) + " limit :limit) matches")
            .params(params(filter)).param("limit", limit).query(Long.class).single();
    }

    /** "off" leaves the planner only bitmap scans: the indexes of the filters, then a sort, never a walk in order. */
    private void usePlans(String walksInOrder) {
        jdbc.sql("select set_config('enable_indexscan', :on, true), set_config('enable_seqscan', :on, true)")
            .param("on", walksInOrder).query().singleRow();
    }

    /**
     * The page as one statement. {@code walk} (0: unbounded): the text and tag are checked only among the next
     * {@code walk} customers in list order (the owner applies before), so a page may come back short although more
     * exist.
     */
    private List<CustomerRow> query(CustomerFilter filter, CustomerSort sort, PageCursor after, int size, int walk) {
        boolean bounded = walk > 0;
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from customer where deleted_at is null")
            .append(bounded ? "" : searchConditions(filter)).append(ownerCondition(filter));
        if (after != null) {
            sql.append(" and ").append(sort.afterCondition());
        }
        sql.append(" order by ").append(sort.orderBy());
        if (bounded) {
            sql.insert(0, "select " + COLUMNS + " from (").append(" limit " + walk + ") walked where true")
                .append(searchConditions(filter)).append(" order by ").append(sort.orderBy());
        }
        sql.append(" limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", size + 1).params(params(filter));
        if (after != null) {
            spec = spec.param("after", sort.keyOf(after)).param("afterId", after.id());
        }
        return spec.query(CustomerSearch::row).list();
    }

    /**
     * Every customer the filter matches, in the list's order, handed to {@code rows} as the cursor reads them
     * ({@code fetchSize} at a time; PostgreSQL keeps a cursor only inside a transaction): nothing is collected.
     */
    public void stream(CustomerFilter filter, CustomerSort sort, int fetchSize, Consumer<CustomerRow> rows) {
        LongReads.fetching(dataSource, fetchSize).query("select " + COLUMNS + " from customer where deleted_at is null"
                + searchConditions(filter) + ownerCondition(filter) + " order by " + sort.orderBy(), params(filter),
                (ResultSet rs) -> rows.accept(row(rs, 0)));
    }

    /** Lets the current transaction's statements run {@code timeout} (the pool's is for interactive reads). */
    public void allowInThisTransaction(Duration timeout) {
        LongReads.allowInThisTransaction(new JdbcTemplate(dataSource), timeout);
    }

    /**
     * The live customers who have these emails, by their email in lower case: one probe of the unique index for all
     * of them.
     */
    public Map<String, CustomerRow> liveByEmail(Collection<String> emails) {
        return jdbc.sql("select " + COLUMNS + " from customer where lower(email) = any(:emails) and deleted_at is null")
            .param("emails", emails.stream().map(email -> email.toLowerCase(Locale.ROOT)).toArray(String[]::new))
            .query(CustomerSearch::row)
            .stream()
            .collect(Collectors.toMap(customer -> customer.email().toLowerCase(Locale.ROOT), Function.identity()));
    }

    /** The text's and the tag's conditions: what a search narrows the customers to. */
    private static String searchConditions(CustomerFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.query() != null) {
            // one trigram index per field (each OR arm uses its own): phone holds no letters, so it needs no lower()
            sql.append(" and (lower(name) like :pattern escape '\\' or lower(email) like :pattern escape '\\'"
                    + " or lower(company) like :pattern escape '\\' or phone like :pattern escape '\\')");
        }
        if (filter.tag() != null) {
            sql.append(" and tags @> array[cast(:tag as text)]");
        }
        return sql.toString();
    }

    private static String ownerCondition(CustomerFilter filter) {
        return filter.ownerId() == null ? "" : " and owner_id = :owner";
    }

    private static Map<String, Object> params(CustomerFilter filter) {
        Map<String, Object> params = new HashMap<>();
        if (filter.query() != null) {
            params.put("pattern", "%" + escapeLike(filter.query().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.tag() != null) {
            params.put("tag", filter.tag());
        }
        if (filter.ownerId() != null) {
            params.put("owner", filter.ownerId());
        }
        return params;
    }

    /** The deleted customers, most recently deleted first; one row more than asked. */
    public List<DeletedCustomerRow> deletedPage(PageCursor after, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + ", deleted_at, deleted_by, deleted_by_name from customer where deleted_at is not null");
        if (after != null) {
            sql.append(" and (deleted_at, id) < (:after, :afterId)");
        }
        sql.append(" order by deleted_at desc, id desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", size + 1);
        if (after != null) {
            spec = spec.param("after", java.sql.Timestamp.from(after.instantKey())).param("afterId", after.id());
        }
        return spec.query((rs, rowNum) -> new DeletedCustomerRow(row(rs, rowNum),
                rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getString(13), rs.getString(14))).list();
    }

    /**
     * Reads the columns by position and {@code timestamptz} as {@link OffsetDateTime}: a class-based row mapper
     * probes property names and conversions and throws (and catches) several exceptions per row on the way.
     */
    static CustomerRow row(ResultSet rs, int rowNum) throws SQLException {
        return new CustomerRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), tags(rs.getArray(6)), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, OffsetDateTime.class).toInstant(),
                rs.getLong(11));
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
