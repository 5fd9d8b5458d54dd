package org.opencrm.platform.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a record's field history newest first, keyset-paginated on {@code (changed_at, id)} over the index
 * {@code field_change_by_aggregate}: the first page and the thousandth cost the same. The caller decides first
 * whether the caller may see the record at all (its record-level rule).
 */
public class FieldHistoryReader {

    private final JdbcClient jdbc;

    public FieldHistoryReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one entry more than {@code size}, so the caller can tell whether another page exists. */
    public List<FieldChange> page(String aggregateType, UUID aggregateId, PageCursor after, int size) {
        String sql = """
                select id, changed_at, actor_id, actor_name, actor_kind, trace_id, field, old_value, new_value
                from field_change where aggregate_type = :type and aggregate_id = :id %s
                order by changed_at desc, id desc limit :limit
                """.formatted(after == null ? "" : "and (changed_at, id) < (:after, :afterId)");
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
            .param("type", aggregateType)
            .param("id", aggregateId)
            .param("limit", size + 1);
        if (after != null) {
            spec = spec.param("after", OffsetDateTime.ofInstant(after.instantKey(), ZoneOffset.UTC)).param("afterId", after.id());
        }
        return spec.query(FieldHistoryReader::entry).list();
    }

    /** The cursor a page of this aggregate type's history ended with; another list's cursor is invalid. */
    public static PageCursor decodeCursor(String cursor, String aggregateType) {
        return PageCursor.decode(cursor, listOf(aggregateType));
    }

    public static PageCursor cursorAfter(String aggregateType, FieldChange change) {
        return new PageCursor(listOf(aggregateType), change.changedAt().toString(), change.id());
    }

    private static String listOf(String aggregateType) {
        return aggregateType + ".history";
    }

    /** Columns by position and {@code timestamptz} as {@link OffsetDateTime}: no per-row probing of names. */
    private static FieldChange entry(ResultSet rs, int rowNum) throws SQLException {
        return new FieldChange(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9));
    }
}
