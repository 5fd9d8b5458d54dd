package org.opencrm.lead.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keyset-paginated, filtered listing of leads and the board's sums: never an offset. */
@Repository
public class LeadSearch {

    private static final String COLUMNS = """
            select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
                   l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
            from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true""";

    private final JdbcClient jdbc;

    private final BoardTotals boardTotals;

    public LeadSearch(JdbcClient jdbc, BoardTotals boardTotals) {
        this.jdbc = jdbc;
        this.boardTotals = boardTotals;
    }

    /**
     * Leads in list order a text search first looks through for a page: enough for a term one in a hundred leads
     * match, a few milliseconds. Nothing is counted when they hold a page.
     */
    static final int BOUNDED_WALK = 5000;

    /**
     * A text at most this many leads match (with the other filters) is read through the trigram indexes of titles and
     * customer names, then sorted. The planner cannot tell a rare term from a common one (it guesses a fixed share of
     * the table for a substring), so for a page in order it walks the list's index and checks each lead: it stops
     * after a page for a common term, but passes over every lead for one that matches fewer than a page (a customer's
     * or deal's name looked up: seconds at 1M leads).
     */
    static final int RARE = 1000;

    /**
     * pg_trgm finds substrings of at least three characters through its index; shorter ones match nearly anything (and
     * the board, which counts every match, refuses them).
     */
    public static final int TRIGRAM = 3;

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<LeadRow> page(LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        if (!hasQuery(filter)) {
            return inOrder(filter, sort, after, size);
        }
        // a common term fills a page among the next few thousand leads; counting its matches costs more (their whole
        // posting lists are read to count even a thousand)
        List<LeadRow> walked = amongTheNext(filter, sort, after, size);
        if (walked.size() > size) {
            return walked;
        }
        if (!indexed(filter) || matches(filter) > RARE) {
            // too short for an index, or common but not among the next few thousand: walk on until a page is found
            return inOrder(filter, sort, after, size);
        }
        return throughTheIndexes(filter, sort, after, size);
    }

    /** Whether the trigram indexes find the text: at least three characters. */
    private static boolean indexed(LeadFilter filter) {
        return filter.query().strip().length() >= TRIGRAM;
    }

    /** The page as the list's index gives it, each lead checked against every filter. */
    private List<LeadRow> inOrder(LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        where(sql, filter);
        return pageOf(sql, filter, sort, after, size);
    }

    /**
     * The page among the next {@link #BOUNDED_WALK} leads in list order that the other filters select; it may come
     * back short although more exist. The walk reads the leads alone and looks up a lead's customer name only when its
     * title does not match (a set of the customers the text names, which the planner would hash, costs more for a
     * common name than the walk saves); the page's rows are read for its matches only.
     */
    private List<LeadRow> amongTheNext(LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        StringBuilder walk = new StringBuilder("select l.id, l.title, l.customer_id, l.created_at, l.value").append(
                sort == LeadSort.SCORE ? ", s.score from lead l join lead_score s on s.lead_id = l.id" : " from lead l")
            .append(" where true");
        whereBesidesText(walk, filter);
        if (after != null) {
            walk.append(" and ").append(sort.afterCondition());
        }
        walk.append(" order by ").append(sort.orderBy()).append(" limit ").append(BOUNDED_WALK);
        StringBuilder sql = new StringBuilder(COLUMNS).append(" and l.id in (select id from (").append(walk)
            .append(") walked where lower(title) like :pattern escape '\\' or (select lower(c.name) from customer c")
            .append(" where c.id = walked.customer_id) like :pattern escape '\\'")
            .append(" order by ").append(sort.orderOfRows()).append(" limit :limit)");
        sql.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        return withCursor(bind(jdbc.sql(sql.toString()), filter).param("limit", size + 1), sort, after)
            .query(LeadSearch::row).list();
    }

    /**
     * The page of the leads the filters select, found through the trigram indexes (and, when the planner finds it
     * selective, another filter's index beside them), then sorted: for a text rare with the other filters. The matches
     * are materialised, so that the planner sorts the few of them rather than walking the list's index to them.
     */
    private List<LeadRow> throughTheIndexes(LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder("with matching as materialized (").append(matching(filter, "l.id"))
            .append("), found as materialized (").append(COLUMNS).append(" and l.id in (select id from matching)");
        if (after != null) {
            sql.append(" and ").append(sort.afterCondition());
        }
        sql.append(") select * from found order by ").append(sort.orderOfRows()).append(" limit :limit");
        return withCursor(bind(jdbc.sql(sql.toString()), filter).param("limit", size + 1), sort, after)
            .query(LeadSearch::row).list();
    }

    /**
     * How many leads the filters select, counted through the trigram indexes up to one beyond {@link #RARE} (the two
     * arms stream: a common text stops the count early). A text common on its own may be rare with a status or an
     * owner (two lost "renewal" leads among a hundred thousand lost ones): the planner then combines the trigram index
     * with that filter's index and reads the few leads both select.
     */
    private long matches(LeadFilter filter) {
        return bind(jdbc.sql("select count(*) from (" + matching(filter, "l.id") + " limit :rare) matches"), filter)
            .param("rare", RARE + 1).query(Long.class).single();
    }

    /**
     * The {@code columns} of the leads the filters select, each once: those whose title holds the text, then those
     * whose customer's name does and whose title does not. Each arm is read through a trigram index.
     */
    private static String matching(LeadFilter filter, String columns) {
        StringBuilder byTitle = new StringBuilder("select ").append(columns)
            .append(" from lead l where lower(l.title) like :pattern escape '\\'");
        whereBesidesText(byTitle, filter);
        StringBuilder byCustomer = new StringBuilder("select ").append(columns).append(" from lead l where")
            .append(" l.customer_id in (select id from customer where lower(name) like :pattern escape '\\')")
            .append(" and lower(l.title) not like :pattern escape '\\'");
        whereBesidesText(byCustomer, filter);
        return byTitle + " union all " + byCustomer;
    }

    private List<LeadRow> pageOf(StringBuilder sql, LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        if (after != null) {
            sql.append(" and ").append(sort.afterCondition());
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        return withCursor(bind(jdbc.sql(sql.toString()), filter).param("limit", size + 1), sort, after)
            .query(LeadSearch::row).list();
    }

    private static JdbcClient.StatementSpec withCursor(JdbcClient.StatementSpec spec, LeadSort sort,
            PageCursor after) {
        return after == null ? spec : spec.param("after", sort.keyOf(after)).param("afterId", after.id());
    }

    /** One lead with its customer's name. */
    public java.util.Optional<LeadRow> find(UUID id) {
        return jdbc.sql(COLUMNS + " and l.id = :id").param("id", id).query(LeadSearch::row).optional();
    }

    /** Counts and value sums per status and currency of the leads the filter selects (its status aside). */
    public List<ColumnTotal> totals(LeadFilter filter) {
        if (BoardTotals.covers(filter)) {
            if (filter.assignee() != null && filter.owner() != null && !filter.assignee().equals(filter.owner())) {
                return List.of();
            }
            return boardTotals.read(filter.owner() != null ? filter.owner() : filter.assignee(), filter.source());
        }
        StringBuilder sql;
        if (hasQuery(filter) && indexed(filter)) {
            // every match counts: found through the trigram indexes, its columns read there rather than by looking
            // each match up again (125,000 lookups for a text one lead in eight matches at 1M leads: seconds)
            sql = new StringBuilder("select l.status, l.currency, count(*), sum(l.value) from (")
                .append(matching(filter, "l.status, l.currency, l.value")).append(") l");
        }
        else {
            sql = new StringBuilder("""
                    select l.status, l.currency, count(*), sum(l.value)
                    from lead l left join customer c on c.id = l.customer_id where true""");
            where(sql, filter);
        }
        sql.append(" group by l.status, l.currency order by l.status, l.currency");
        return bind(jdbc.sql(sql.toString()), filter)
            .query((rs, n) -> new ColumnTotal(LeadStatus.valueOf(rs.getString(1)), rs.getString(2).strip(),
                    rs.getLong(3), rs.getBigDecimal(4)))
            .list();
    }

    private static void where(StringBuilder sql, LeadFilter filter) {
        whereBesidesText(sql, filter);
        if (hasQuery(filter)) {
            sql.append(" and (lower(l.title) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\')");
        }
    }

    private static void whereBesidesText(StringBuilder sql, LeadFilter filter) {
        if (filter.status() != null) {
            sql.append(" and l.status = :status");
        }
        if (filter.assignee() != null) {
            sql.append(" and l.assigned_to = :assignee");
        }
        if (filter.owner() != null) {
            sql.append(" and l.assigned_to = :owner");
        }
        if (filter.source() != null) {
            sql.append(" and l.source = :source");
        }
        if (filter.customerId() != null) {
            sql.append(" and l.customer_id = :customerId");
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, LeadFilter filter) {
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().name());
        }
        if (filter.assignee() != null) {
            spec = spec.param("assignee", filter.assignee());
        }
        if (filter.owner() != null) {
            spec = spec.param("owner", filter.owner());
        }
        if (filter.source() != null) {
            spec = spec.param("source", filter.source().name());
        }
        if (filter.customerId() != null) {
            spec = spec.param("customerId", filter.customerId());
        }
        if (hasQuery(filter)) {
            spec = spec.param("pattern", pattern(filter));
        }
        return spec;
    }

    /** The text as a LIKE pattern: anywhere, in lower case, its wildcards escaped. */
    private static String pattern(LeadFilter filter) {
        return "%" + escapeLike(filter.query().strip().toLowerCase(Locale.ROOT)) + "%";
    }

    private static boolean hasQuery(LeadFilter filter) {
        return filter.query() != null && !filter.query().isBlank();
    }

    /**
     * Reads the columns by position and {@code timestamptz} as {@link OffsetDateTime}: a class-based row mapper
     * probes property names and conversions and throws (and catches) several exceptions per row on the way.
     */
    private static LeadRow row(ResultSet rs, int rowNum) throws SQLException {
        int score = rs.getInt(12);
        Integer scoreOrNull = rs.wasNull() ? null : score;
        OffsetDateTime closedAt = rs.getObject(16, OffsetDateTime.class);
        return new LeadRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                LeadSource.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7).strip(),
                LeadStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11), scoreOrNull,
                rs.getLong(13), rs.getObject(14, OffsetDateTime.class).toInstant(),
                rs.getObject(15, OffsetDateTime.class).toInstant(), closedAt == null ? null : closedAt.toInstant());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
