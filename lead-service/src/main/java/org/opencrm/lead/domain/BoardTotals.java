package org.opencrm.lead.domain;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's counts and value sums kept by the database (migration V20): totals plus the deltas of changes not yet
 * folded in, per assignee and source ({@code ''} for all). Reads a few dozen rows whatever the number of leads.
 */
@Repository
public class BoardTotals {

    static final String ALL = "";

    private final JdbcClient jdbc;

    public BoardTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the kept totals answer this filter (a search text or a customer needs the leads themselves). */
    static boolean covers(LeadFilter filter) {
        return filter.status() == null && filter.customerId() == null
                && (filter.query() == null || filter.query().isBlank());
    }

    /** Per status and currency, the leads of {@code assignee} (null: everyone's) and {@code source} (null: all). */
    List<ColumnTotal> read(String assignee, LeadSource source) {
        return jdbc.sql("""
                select status, currency, sum(count), sum(value) from (
                    select status, currency, count, value from lead_board_total
                    where assignee = :assignee and source = :source
                    union all
                    select status, currency, count, value from lead_board_delta
                    where assignee = :assignee and source = :source) t
                group by status, currency having sum(count) > 0 order by status, currency""")
                .param("assignee", assignee == null ? ALL : assignee)
                .param("source", source == null ? ALL : source.name())
                .query((rs, n) -> new ColumnTotal(LeadStatus.valueOf(rs.getString(1)), rs.getString(2).strip(),
                        rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    /** Moves the deltas into the totals in one statement; @return how many deltas were folded. */
    public int fold() {
        return jdbc.sql("""
                with moved as (delete from lead_board_delta returning *),
                folded as (
                    insert into lead_board_total (assignee, source, status, currency, count, value)
                    select assignee, source, status, currency, sum(count), sum(value) from moved
                    group by assignee, source, status, currency order by assignee, source, status, currency
                    on conflict (assignee, source, status, currency) do update
                    set count = lead_board_total.count + excluded.count,
                        value = lead_board_total.value + excluded.value)
                select count(*) from moved""").query(Integer.class).single();
    }
}
