package org.opencrm.payment.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.opencrm.payment.domain.PaymentMethod;
import org.opencrm.payment.domain.PaymentRow;
import org.opencrm.payment.domain.PaymentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty payment book with demo payments of the known customers, through the ordinary use cases: paid over
 * the last three months (some this month), a few still pending, a few partly refunded. Their events reach the
 * timeline, the dashboard's revenue and each owner's sales performance as if people had recorded them.
 */
@Service
public class DemoPayments {

    private static final long SEED = 20261204L;

    private static final String[] CURRENCIES = { "EUR", "EUR", "EUR", "EUR", "USD", "GBP" };

    private static final PaymentMethod[] METHODS = { PaymentMethod.BANK_TRANSFER, PaymentMethod.BANK_TRANSFER,
            PaymentMethod.CARD, PaymentMethod.CARD, PaymentMethod.CASH };

    private static final int DAYS_BACK = 90;

    private final PaymentService payments;

    private final JdbcClient jdbc;

    private final Clock clock;

    public DemoPayments(PaymentService payments, JdbcClient jdbc, Clock clock) {
        this.payments = payments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How many customers this service knows: the demo waits until their events stop arriving. */
    public long knownCustomers() {
        return jdbc.sql("select count(*) from known_customer where not deleted").query(Long.class).single();
    }

    /**
     * Records up to {@code count} payments across the known customers when there are none yet; returns how many it
     * recorded. Several instances starting together load them once: they queue on a lock.
     */
    @Transactional
    public int loadIfEmpty(int count) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('crm.demo-payments'))").query().singleRow();
        if (count <= 0 || jdbc.sql("select exists (select 1 from payment)").query(Boolean.class).single()) {
            return 0;
        }
        List<UUID> customers = jdbc.sql("""
                select id from known_customer where not deleted and name is not null order by name, id limit :limit""")
            .param("limit", count).query(UUID.class).list();
        if (customers.isEmpty()) {
            return 0;
        }
        List<Planned> plan = plan(count, clock.instant());
        for (int i = 0; i < plan.size(); i++) {
            Planned planned = plan.get(i);
            PaymentRow recorded = payments.record(new NewPayment(customers.get(i % customers.size()), null,
                    planned.amount(), planned.currency(), planned.method(), null, planned.status(), planned.paidAt()),
                    null).payment();
            if (planned.refund() != null) {
                payments.refund(new NewRefund(recorded.id(), planned.refund(), "Goodwill discount"), null);
            }
        }
        return plan.size();
    }

    /** A demo payment to record: {@code paidAt} null while pending, {@code refund} null when nothing went back. */
    record Planned(BigDecimal amount, String currency, PaymentMethod method, PaymentStatus status, Instant paidAt,
            BigDecimal refund) {
    }

    /**
     * The demo payments: amounts of 150 to 5,000, mostly in euros, paid at some hour of the last {@value #DAYS_BACK}
     * days (every fifth in the current month, so that this month's revenue shows too); one in twelve pending, a few of
     * this month's half refunded.
     */
    static List<Planned> plan(int count, Instant now) {
        Random random = new Random(SEED);
        Instant monthStart = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        int daysThisMonth = now.atZone(ZoneOffset.UTC).getDayOfMonth();
        List<Planned> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigDecimal amount = BigDecimal.valueOf(150 + random.nextInt(98) * 50L);
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            PaymentMethod method = METHODS[random.nextInt(METHODS.length)];
            boolean thisMonth = i % 5 == 0;
            Instant paidAt = now.minus(Duration.ofDays(random.nextInt(thisMonth ? daysThisMonth : DAYS_BACK)))
                .minus(Duration.ofMinutes(random.nextInt(600)));
            if (thisMonth && paidAt.isBefore(monthStart)) {
                paidAt = monthStart;
            }
            if (i % 12 == 11) {
                plan.add(new Planned(amount, currency, method, PaymentStatus.PENDING, null, null));
            }
            else {
                // refunds are stamped now: of this month's payments, so that the month's revenue stays positive
                BigDecimal refund = thisMonth && i % 20 == 5 ? amount.divide(BigDecimal.valueOf(2)) : null;
                plan.add(new Planned(amount, currency, method, PaymentStatus.COMPLETED, paidAt, refund));
            }
        }
        return plan;
    }
}
