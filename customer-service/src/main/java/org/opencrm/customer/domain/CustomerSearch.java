package org.opencrm.customer.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keyset-paginated listing and substring search: never an offset, so page 1,000 costs what page 1 costs.
 */
@Repository
public class CustomerSearch {

    private final JdbcClient jdbc;

    public CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<CustomerRow> page(String query, CustomerSort sort, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder(
                "select id, name, email, phone, created_at, updated_at, version from customer where true");
        if (query != null && !query.isBlank()) {
            sql.append(" and (lower(name) like :pattern escape '\\' or lower(email) like :pattern escape '\\')");
        }
        if (after != null) {
            sql.append(" and ").append(sort.afterCondition());
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", size + 1);
        if (query != null && !query.isBlank()) {
            spec = spec.param("pattern", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            spec = spec.param("after", sort.keyOf(after)).param("afterId", after.id());
        }
        return spec.query(CustomerSearch::row).list();
    }

    /**
     * Reads the columns by position and {@code timestamptz} as {@link OffsetDateTime}: a class-based row mapper
     * probes property names and conversions and throws (and catches) several exceptions per row on the way.
     */
    private static CustomerRow row(ResultSet rs, int rowNum) throws SQLException {
        return new CustomerRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getLong(7));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
