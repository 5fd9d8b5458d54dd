package org.opencrm.activity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Timelines and the feed, newest first, keyset-paginated on {@code (occurred_at, id)}: a page continues strictly after
 * the last row shown, so rows written or removed meanwhile never make another row appear twice or go missing.
 */
@Repository
public class TimelineSearch {

    private final JdbcClient jdbc;

    public TimelineSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<ActivityEntry> page(TimelineFilter filter, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.customer_id, a.kind, a.user_id, a.user_name, a.action, a.summary, a.occurred_at,
                       a.correlation_id, a.lead_id, c.name
                from activity a
                left join known_customer c on c.id = a.customer_id""");
        if (filter.owner() != null) {
            sql.append(" left join known_lead l on l.id = a.lead_id");
        }
        sql.append(" where true");
        if (filter.customerId() != null) {
            sql.append(" and a.customer_id = :customerId");
        }
        if (filter.leadId() != null) {
            sql.append(" and a.lead_id = :leadId");
        }
        if (!filter.kinds().isEmpty()) {
            sql.append(" and a.kind in (:kinds)");
        }
        if (filter.owner() != null) {
            // an entry about a lead is the lead's assignee's; one about a lead we never heard of stays hidden
            sql.append(" and (a.lead_id is null or l.assignee = :owner)");
        }
        if (after != null) {
            sql.append(" and (a.occurred_at, a.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by a.occurred_at desc, a.id desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", size + 1);
        if (filter.customerId() != null) {
            spec = spec.param("customerId", filter.customerId());
        }
        if (filter.leadId() != null) {
            spec = spec.param("leadId", filter.leadId());
        }
        if (!filter.kinds().isEmpty()) {
            spec = spec.param("kinds", filter.kinds());
        }
        if (filter.owner() != null) {
            spec = spec.param("owner", filter.owner());
        }
        if (after != null) {
            spec = spec.param("afterAt", after.instantKey().atOffset(ZoneOffset.UTC)).param("afterId", after.id());
        }
        return spec.query(TimelineSearch::row).list();
    }

    private static ActivityEntry row(ResultSet rs, int rowNum) throws SQLException {
        return new ActivityEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getObject(10, UUID.class),
                rs.getString(11));
    }
}
