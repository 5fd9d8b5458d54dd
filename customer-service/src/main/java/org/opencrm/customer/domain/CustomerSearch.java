package org.opencrm.customer.domain;

import java.util.List;
import java.util.Locale;

import org.opencrm.platform.web.PageCursor;
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
        return spec.query(CustomerRow.class).list();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
