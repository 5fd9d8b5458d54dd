package org.opencrm.payment.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads payments newest first by the date a person sees for them (when the money came, or when the payment was
 * recorded until it has: {@link #DATED}), keyset-paginated on that date and the id, with the customer's name and the
 * lead's title known here. {@code viewer} present: only the payments of customers that user owns or of leads assigned to
 * them (the record-level rule for sales).
 */
@Repository
public class PaymentSearch {

    public static final String LIST = "payments.dated";

    /** The date the list shows, sorts and filters by; indexed as such (V2). */
    private static final String DATED = "coalesce(p.paid_at, p.created_at)";

    private static final String SELECT = """
            select p.id, p.customer_id, c.name, p.lead_id, l.title, p.amount, p.currency, p.status, p.method,
                   p.external_ref, p.refunded_amount, p.paid_at, p.created_at, p.updated_at, p.created_by,
                   p.created_by_name, p.version
            from payment p
            left join known_customer c on c.id = p.customer_id
            left join known_lead l on l.id = p.lead_id
            """;

    private static final String VISIBLE = "(c.owner_id = :viewer or l.assignee = :viewer)";

    private final JdbcClient jdbc;

    public PaymentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row beyond {@code size}, so that the caller can tell whether another page exists. */
    public List<PaymentRow> page(PaymentFilter filter, Optional<String> viewer, PageCursor after, int size) {
        List<String> where = new ArrayList<>();
        Conditions conditions = new Conditions(filter, viewer, where);
        if (after != null) {
            where.add("(" + DATED + ", p.id) < (:afterAt, :afterId)");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(SELECT + conditions.clause() + " order by " + DATED + " desc, p.id desc"
                + " limit :limit")
            .param("limit", size + 1);
        spec = conditions.bind(spec);
        if (after != null) {
            spec = spec.param("afterAt", utc(after.instantKey())).param("afterId", after.id());
        }
        return spec.query(PaymentSearch::row).list();
    }

    public Optional<PaymentRow> find(UUID id, Optional<String> viewer) {
        JdbcClient.StatementSpec spec = jdbc.sql(SELECT + " where p.id = :id" + (viewer.isPresent() ? " and " + VISIBLE : ""))
            .param("id", id);
        if (viewer.isPresent()) {
            spec = spec.param("viewer", viewer.get());
        }
        return spec.query(PaymentSearch::row).optional();
    }

    /** Totals per currency of the payments the filter selects (and the viewer may see), by currency code. */
    public List<CurrencyTotal> totals(PaymentFilter filter, Optional<String> viewer) {
        Conditions conditions = new Conditions(filter, viewer, new ArrayList<>(List.of(
                "p.status in ('COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED')")));
        String sql = """
                select p.currency, sum(p.amount), sum(p.refunded_amount), count(*)
                from payment p
                left join known_customer c on c.id = p.customer_id
                left join known_lead l on l.id = p.lead_id
                """ + conditions.clause() + " group by p.currency order by p.currency";
        return conditions.bind(jdbc.sql(sql))
            .query((rs, n) -> new CurrencyTotal(rs.getString(1).strip(), rs.getBigDecimal(2), rs.getBigDecimal(3),
                    rs.getLong(4)))
            .list();
    }

    public static PageCursor cursorAfter(PaymentRow row) {
        return new PageCursor(LIST, (row.paidAt() != null ? row.paidAt() : row.createdAt()).toString(), row.id());
    }

    public static PageCursor decodeCursor(String cursor) {
        return PageCursor.decode(cursor, LIST);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Columns by position and {@code timestamptz} as {@link OffsetDateTime}: no per-row probing of names. */
    private static PaymentRow row(ResultSet rs, int rowNum) throws SQLException {
        return new PaymentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getBigDecimal(6), rs.getString(7).strip(),
                PaymentStatus.valueOf(rs.getString(8)), PaymentMethod.valueOf(rs.getString(9)), rs.getString(10),
                rs.getBigDecimal(11), instant(rs.getObject(12, OffsetDateTime.class)),
                instant(rs.getObject(13, OffsetDateTime.class)), instant(rs.getObject(14, OffsetDateTime.class)),
                rs.getString(15), rs.getString(16), rs.getLong(17));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The filter's conditions as SQL and their parameters. */
    private record Conditions(PaymentFilter filter, Optional<String> viewer, List<String> where) {

        Conditions {
            if (filter.customerId() != null) {
                where.add("p.customer_id = :customerId");
            }
            if (filter.leadId() != null) {
                where.add("p.lead_id = :leadId");
            }
            if (filter.status() != null) {
                where.add("p.status = :status");
            }
            if (filter.method() != null) {
                where.add("p.method = :method");
            }
            if (filter.currency() != null) {
                where.add("p.currency = :currency");
            }
            // the date a person sees for a payment: when the money came, or when it was recorded until it has
            if (filter.from() != null) {
                where.add(DATED + " >= :from");
            }
            if (filter.to() != null) {
                where.add(DATED + " < :to");
            }
            if (viewer.isPresent()) {
                where.add(VISIBLE);
            }
        }

        /** Read when the statement is built: conditions added after construction (the cursor's) count too. */
        String clause() {
            return where.isEmpty() ? "" : " where " + String.join(" and ", where);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            if (filter.customerId() != null) {
                spec = spec.param("customerId", filter.customerId());
            }
            if (filter.leadId() != null) {
                spec = spec.param("leadId", filter.leadId());
            }
            if (filter.status() != null) {
                spec = spec.param("status", filter.status().name());
            }
            if (filter.method() != null) {
                spec = spec.param("method", filter.method().name());
            }
            if (filter.currency() != null) {
                spec = spec.param("currency", filter.currency());
            }
            if (filter.from() != null) {
                spec = spec.param("from", utc(filter.from()));
            }
            if (filter.to() != null) {
                spec = spec.param("to", utc(filter.to()));
            }
            if (viewer.isPresent()) {
                spec = spec.param("viewer", viewer.get());
            }
            return spec;
        }
    }
}
