package org.opencrm.customer.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The communication log: rows are only ever added, so plain SQL does it (no entity, nothing to lock); listed latest
 * first by when they happened, keyset-paginated on {@code (occurred_at, id)}.
 */
@Repository
public class Communications {

    private static final String COLUMNS = "id, customer_id, type, direction, subject, body, occurred_at, participants,"
            + " duration_minutes, logged_by, logged_by_name, logged_at";

    private final JdbcClient jdbc;

    public Communications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(CommunicationRow row) {
        jdbc.sql("insert into customer_communication (" + COLUMNS + ") values (:id, :customerId, :type, :direction,"
                + " :subject, :body, :occurredAt, :participants, :durationMinutes, :loggedBy, :loggedByName, :loggedAt)")
            .param("id", row.id())
            .param("customerId", row.customerId())
            .param("type", row.type().name())
            .param("direction", row.direction().name())
            .param("subject", row.subject())
            .param("body", row.body())
            .param("occurredAt", Timestamp.from(row.occurredAt()))
            .param("participants", row.participants().toArray(String[]::new))
            .param("durationMinutes", row.durationMinutes(), Types.INTEGER)
            .param("loggedBy", row.loggedBy())
            .param("loggedByName", row.loggedByName())
            .param("loggedAt", Timestamp.from(row.loggedAt()))
            .update();
    }

    public Optional<CommunicationRow> find(UUID customerId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from customer_communication where id = :id and customer_id = :customerId")
            .param("id", id)
            .param("customerId", customerId)
            .query(Communications::row)
            .optional();
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<CommunicationRow> page(UUID customerId, PageCursor after, int size) {
        String sql = "select " + COLUMNS + " from customer_communication where customer_id = :customerId"
                + (after == null ? "" : " and (occurred_at, id) < (:after, :afterId)")
                + " order by occurred_at desc, id desc limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("customerId", customerId).param("limit", size + 1);
        if (after != null) {
            spec = spec.param("after", Timestamp.from(after.instantKey())).param("afterId", after.id());
        }
        return spec.query(Communications::row).list();
    }

    /** The cursor a page ended with; invalid when another customer's list (or another list) issued it. */
    public static PageCursor decodeCursor(UUID customerId, String cursor) {
        return PageCursor.decode(cursor, listOf(customerId));
    }

    public static PageCursor cursorAfter(CommunicationRow row) {
        return new PageCursor(listOf(row.customerId()), row.occurredAt().toString(), row.id());
    }

    private static String listOf(UUID customerId) {
        return "communications." + customerId;
    }

    private static CommunicationRow row(ResultSet rs, int rowNum) throws SQLException {
        int minutes = rs.getInt(9);
        Integer duration = rs.wasNull() ? null : minutes;
        return new CommunicationRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                CommunicationType.valueOf(rs.getString(3)), CommunicationDirection.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                List.of((String[]) rs.getArray(8).getArray()), duration, rs.getString(10),
                rs.getString(11), rs.getObject(12, OffsetDateTime.class).toInstant());
    }
}
