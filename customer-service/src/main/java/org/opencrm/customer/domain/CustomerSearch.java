package org.opencrm.customer.domain;

import java.sql.Array;
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

    static final String COLUMNS =
            "id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version";

    private final JdbcClient jdbc;

    public CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row more than asked, so the caller knows whether another page exists. */
    public List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from customer where true");
        if (filter.query() != null) {
            // one trigram index per field (each OR arm uses its own): phone holds no letters, so it needs no lower()
            sql.append(" and (lower(name) like :pattern escape '\\' or lower(email) like :pattern escape '\\'"
                    + " or lower(company) like :pattern escape '\\' or phone like :pattern escape '\\')");
        }
        if (filter.tag() != null) {
            sql.append(" and tags @> array[cast(:tag as text)]");
        }
        if (filter.ownerId() != null) {
            sql.append(" and owner_id = :owner");
        }
        if (after != null) {
            sql.append(" and ").append(sort.afterCondition());
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", size + 1);
        if (filter.query() != null) {
            spec = spec.param("pattern", "%" + escapeLike(filter.query().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.tag() != null) {
            spec = spec.param("tag", filter.tag());
        }
        if (filter.ownerId() != null) {
            spec = spec.param("owner", filter.ownerId());
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
