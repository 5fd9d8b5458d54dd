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

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<LeadRow> page(LeadFilter filter, LeadSort sort, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        where(sql, filter);
        if (after != null) {
            sql.append(" and ").append(sort.afterCondition());
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql.toString()), filter).param("limit", size + 1);
        if (after != null) {
            spec = spec.param("after", sort.keyOf(after)).param("afterId", after.id());
        }
        return spec.query(LeadSearch::row).list();
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
        StringBuilder sql = new StringBuilder("""
                select l.status, l.currency, count(*), sum(l.value)
                from lead l left join customer c on c.id = l.customer_id where true""");
        where(sql, filter);
        sql.append(" group by l.status, l.currency order by l.status, l.currency");
        return bind(jdbc.sql(sql.toString()), filter)
            .query((rs, n) -> new ColumnTotal(LeadStatus.valueOf(rs.getString(1)), rs.getString(2).strip(),
                    rs.getLong(3), rs.getBigDecimal(4)))
            .list();
    }

    private static void where(StringBuilder sql, LeadFilter filter) {
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
        if (hasQuery(filter)) {
            sql.append(" and (lower(l.title) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\')");
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
            spec = spec.param("pattern", "%" + escapeLike(filter.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return spec;
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
