package org.opencrm.activity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Follow-ups soonest due first, keyset-paginated on {@code (due_at, id)}: never an offset. */
@Repository
public class FollowUpSearch {

    private static final String COLUMNS = """
            select f.id, f.customer_id, c.name, f.lead_id, l.title, f.title, f.notes, f.due_at, f.assignee,
                   f.assignee_name, f.status, f.created_by, f.created_at, f.updated_at, f.closed_at, f.version
            from follow_up f left join known_customer c on c.id = f.customer_id
                 left join known_lead l on l.id = f.lead_id
            where true""";

    private final JdbcClient jdbc;

    public FollowUpSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<FollowUpRow> page(FollowUpFilter filter, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        if (filter.assignee() != null) {
            sql.append(" and f.assignee = :assignee");
        }
        if (filter.customerId() != null) {
            sql.append(" and f.customer_id = :customerId");
        }
        if (filter.leadId() != null) {
            sql.append(" and f.lead_id = :leadId");
        }
        if (filter.status() != null) {
            sql.append(" and f.status = :status");
        }
        if (filter.dueFrom() != null) {
            sql.append(" and f.due_at >= :dueFrom");
        }
        if (filter.dueBefore() != null) {
            sql.append(" and f.due_at < :dueBefore");
        }
        if (filter.owner() != null) {
            sql.append(" and (f.assignee = :owner or l.assignee = :owner)");
        }
        if (after != null) {
            sql.append(" and (f.due_at, f.id) > (:afterAt, :afterId)");
        }
        sql.append(" order by f.due_at, f.id limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", size + 1);
        if (filter.assignee() != null) {
            spec = spec.param("assignee", filter.assignee());
        }
        if (filter.customerId() != null) {
            spec = spec.param("customerId", filter.customerId());
        }
        if (filter.leadId() != null) {
            spec = spec.param("leadId", filter.leadId());
        }
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().name());
        }
        if (filter.dueFrom() != null) {
            spec = spec.param("dueFrom", utc(filter.dueFrom()));
        }
        if (filter.dueBefore() != null) {
            spec = spec.param("dueBefore", utc(filter.dueBefore()));
        }
        if (filter.owner() != null) {
            spec = spec.param("owner", filter.owner());
        }
        if (after != null) {
            spec = spec.param("afterAt", utc(after.instantKey())).param("afterId", after.id());
        }
        return spec.query(FollowUpSearch::row).list();
    }

    public Optional<FollowUpRow> find(UUID id) {
        return jdbc.sql(COLUMNS + " and f.id = :id").param("id", id).query(FollowUpSearch::row).optional();
    }

    /** Whether the follow-up is the owner's under the record-level rule: assigned to them, or on their lead. */
    public boolean isOwnedBy(UUID id, String owner) {
        return jdbc.sql("""
                select count(*) from follow_up f left join known_lead l on l.id = f.lead_id
                where f.id = :id and (f.assignee = :owner or l.assignee = :owner)""")
            .param("id", id).param("owner", owner).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static FollowUpRow row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime closedAt = rs.getObject(15, OffsetDateTime.class);
        return new FollowUpRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getString(10),
                FollowUpStatus.valueOf(rs.getString(11)), rs.getString(12),
                rs.getObject(13, OffsetDateTime.class).toInstant(), rs.getObject(14, OffsetDateTime.class).toInstant(),
                closedAt == null ? null : closedAt.toInstant(), rs.getLong(16));
    }
}
