package org.opencrm.lead.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A lead's notes, newest first, keyset-paginated on {@code (created_at, id)}. */
@Repository
public class LeadNoteSearch {

    private final JdbcClient jdbc;

    public LeadNoteSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<LeadNoteRow> page(UUID leadId, PageCursor after, int size) {
        String sql = "select id, lead_id, author_id, author_name, body, created_at, updated_at, version"
                + " from lead_note where lead_id = :leadId"
                + (after == null ? "" : " and (created_at, id) < (:after, :afterId)")
                + " order by created_at desc, id desc limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("leadId", leadId).param("limit", size + 1);
        if (after != null) {
            spec = spec.param("after", Timestamp.from(after.instantKey())).param("afterId", after.id());
        }
        return spec.query(LeadNoteSearch::row).list();
    }

    /** The cursor a page ended with; invalid when another lead's list (or another list) issued it. */
    public static PageCursor decodeCursor(UUID leadId, String cursor) {
        return PageCursor.decode(cursor, listOf(leadId));
    }

    public static PageCursor cursorAfter(LeadNoteRow note) {
        return new PageCursor(listOf(note.leadId()), note.createdAt().toString(), note.id());
    }

    private static String listOf(UUID leadId) {
        return "lead-notes." + leadId;
    }

    /** Columns by position, {@code timestamptz} as {@link OffsetDateTime}: no probing, no exceptions per row. */
    private static LeadNoteRow row(ResultSet rs, int rowNum) throws SQLException {
        return new LeadNoteRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8));
    }
}
