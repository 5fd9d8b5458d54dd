package org.opencrm.activity.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments this service has heard of, kept from payment.recorded: what a later refund was refunded of. */
@Repository
public class KnownPayments {

    private final JdbcClient jdbc;

    public KnownPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment's amount never changes: the first word stands. */
    public void recorded(UUID id, BigDecimal amount, String currency) {
        jdbc.sql("""
                insert into known_payment (id, amount, currency) values (:id, :amount, :currency)
                on conflict (id) do nothing""")
            .param("id", id).param("amount", amount).param("currency", currency)
            .update();
    }

    /** The payment's amount as it was recorded (an unconstrained numeric keeps its scale). */
    public Optional<BigDecimal> amount(UUID id) {
        return jdbc.sql("select amount from known_payment where id = :id").param("id", id)
            .query((rs, n) -> rs.getBigDecimal(1)).optional();
    }
}
