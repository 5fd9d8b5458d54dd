package org.opencrm.lead.application;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.opencrm.lead.config.RescoringProperties;
import org.opencrm.lead.domain.scoring.Factor;
import org.opencrm.lead.domain.scoring.LeadFacts;
import org.opencrm.lead.domain.scoring.LeadScore;
import org.opencrm.lead.domain.scoring.LeadScorer;
import org.opencrm.lead.events.out.LeadScored;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores leads in batches that write only {@code lead_score} and its history, never the lead's row: a user's edit never
 * waits for scoring and never loses to it. A change of a
 * lead or of its customer marks the lead due ({@code lead_score_due}); {@link ScoringJob} scores due leads within
 * seconds, and leads scored under older rules batch by batch. {@code lead.scored} is published when a lead's score
 * changes because the lead or its customer did; a new rule set rescoring every lead publishes only if
 * {@code crm.leads.scoring.recompute.publish-rule-changes} says so (a million timeline entries say nothing).
 */
@Service
public class LeadScoring {

    private static final String AGGREGATE = "lead";

    /** The signal kind of completed payments on a lead (crm.leads.scoring.signals.payment). */
    static final String PAYMENT = "payment";

    /** The signal kind of notes, on the lead and on its customer (crm.leads.scoring.signals.note). */
    public static final String NOTE = "note";

    private static final Set<String> COUNTED_PAYMENTS = Set.of("COMPLETED", "PARTIALLY_REFUNDED");

    private static final TypeReference<List<Factor>> FACTORS = new TypeReference<>() {
    };

    /**
     * The next leads after a position (the first two parameters) without a score under a rule version, in id order.
     * The scores are bounded by the position too: with the leads' bound alone, the merge join PostgreSQL picks at a few
     * hundred thousand leads read every score before the position, batch after batch.
     */
    static final String OUTDATED = """
            select l.id from lead l left join lead_score s on s.lead_id = l.id and s.lead_id > ?
            where l.id > ? and s.rule_set_version is distinct from ?
            order by l.id limit ?
            """;

    private final JdbcClient jdbc;

    private final CurrentScoringRules rules;

    private final OutboxWriter outbox;

    private final JsonMapper json;

    private final Clock clock;

    private final RescoringProperties properties;

    private final RecordAccess records;

    public LeadScoring(JdbcClient jdbc, CurrentScoringRules rules, OutboxWriter outbox,
            JsonMapper json, Clock clock, RescoringProperties properties, RecordAccess records) {
        this.properties = properties;
        this.records = records;
        this.jdbc = jdbc;
        this.rules = rules;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The lead's facts changed: score it again soon. Joins the caller's transaction. {@code lead_score_mark_due} (the
     * triggers call it too) waits for a mark the scoring job holds, as it scores the lead from facts read before this
     * change, and marks the lead again once the job deleted it.
     */
    @Transactional
    public void markDue(UUID leadId) {
        jdbc.sql("select lead_score_mark_due(?, ?)").params(new UUID[] {leadId}, now()).query().singleRow();
    }

    /** Something of {@code kind} happened to the customer at {@code at}: counted, and the customer's leads are due. */
    @Transactional
    public void recordCustomerSignal(UUID customerId, String kind, Instant at) {
        jdbc.sql("""
                insert into customer_signal (customer_id, kind, count, last_at) values (?, ?, 1, ?)
                on conflict (customer_id, kind) do update
                set count = customer_signal.count + 1, last_at = greatest(customer_signal.last_at, excluded.last_at)
                """).params(customerId, kind, Timestamp.from(at)).update();
        jdbc.sql("select lead_score_mark_due(array(select id from lead where customer_id = ?), ?)")
                .params(customerId, now()).query().singleRow();
    }

    /**
     * The payment on the lead has {@code status} as of {@code at}: a completed one (partly refunded too) counts for the
     * lead's score, a fully refunded or failed one no longer; the lead is due. A payment on a lead this service does not
     * have (deleted) is ignored.
     */
    @Transactional
    public void recordPayment(UUID paymentId, UUID leadId, String status, Instant at) {
        boolean counts = COUNTED_PAYMENTS.contains(status);
        Timestamp when = Timestamp.from(at);
        int changed = jdbc.sql("""
                insert into lead_payment (payment_id, lead_id, counts, completed_at, changed_at)
                select cast(? as uuid), id, cast(? as boolean), cast(? as timestamptz), cast(? as timestamptz)
                from lead where id = ?
                on conflict (payment_id) do update set counts = excluded.counts,
                    completed_at = coalesce(lead_payment.completed_at, excluded.completed_at),
                    changed_at = excluded.changed_at
                where lead_payment.changed_at <= excluded.changed_at
                """).params(paymentId, counts, counts ? when : null, when, leadId).update();
        if (changed > 0) {
            markDue(leadId);
        }
    }

    /** Scores up to {@code limit} due leads that no other transaction is scoring; @return how many. */
    @Transactional
    public int scoreDue(int limit) {
        Set<UUID> quiet = new HashSet<>();
        List<UUID> ids = jdbc.sql("select lead_id, publish from lead_score_due order by since limit ?"
                + " for update skip locked").param(limit).query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!rs.getBoolean(2)) {
                        quiet.add(id);
                    }
                    return id;
                }).list();
        if (ids.isEmpty()) {
            return 0;
        }
        score(ids, id -> !quiet.contains(id));
        // late in the transaction: a user's edit marking one of these leads due meanwhile waits for the commit
        jdbc.sql("delete from lead_score_due where lead_id = any(?)").param(ids.toArray(UUID[]::new)).update();
        return ids.size();
    }

    /**
     * Scores up to {@code limit} leads after {@code after} (id order) that have no score under the current rules.
     *
     * @return where the next batch starts; empty when no lead is left, or when another replica runs the same pass
     *         right now ({@code busy} then tells the job to come back)
     */
    @Transactional
    public OutdatedPass scoreOutdated(UUID after, int limit) {
        Boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('lead-service rescoring'))")
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(mine)) {
            return new OutdatedPass(Optional.of(after), true, 0);
        }
        List<UUID> ids = jdbc.sql(OUTDATED).params(after, after, rules.version(), limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return new OutdatedPass(Optional.empty(), false, 0);
        }
        score(ids, id -> properties.publishRuleChanges());
        return new OutdatedPass(ids.size() < limit ? Optional.empty() : Optional.of(ids.get(ids.size() - 1)), false,
                ids.size());
    }

    /** Where a pass over outdated scores stands. */
    public record OutdatedPass(Optional<UUID> next, boolean busy, int scored) {
    }

    /**
     * The lead's score, not computed yet (null) for a lead just created; a lead the caller may not see (record-level
     * rule) or that does not exist: 404.
     */
    @Transactional(readOnly = true)
    public Optional<ScoreDetails> current(UUID leadId) {
        requireVisible(leadId);
        return jdbc.sql("""
                select score, rule_set_version, computed_at, factors::text as factors,
                       exists (select 1 from lead_score_due d where d.lead_id = s.lead_id) as pending
                from lead_score s where lead_id = ?""").param(leadId)
                .query((rs, row) -> {
                    OffsetDateTime computedAt = rs.getObject("computed_at", OffsetDateTime.class);
                    String factors = rs.getString("factors");
                    return new ScoreDetails(rs.getObject("score", Integer.class), rs.getString("rule_set_version"),
                            computedAt == null ? null : computedAt.toInstant(),
                            factors == null ? List.of() : json.readValue(factors, FACTORS), rs.getBoolean("pending"));
                })
                .optional();
    }

    @Transactional(readOnly = true)
    public List<ScoreHistoryEntry> history(UUID leadId, int limit) {
        requireVisible(leadId);
        return jdbc.sql("select score, rule_set_version, computed_at from lead_score_history where lead_id = ?"
                + " order by computed_at desc, id desc limit ?").params(leadId, limit)
                .query((rs, row) -> new ScoreHistoryEntry(rs.getInt("score"), rs.getString("rule_set_version"),
                        rs.getObject("computed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private void requireVisible(UUID leadId) {
        Optional<String> owner = records.ownerOnly();
        List<String> assignee = jdbc.sql("select coalesce(assigned_to, '') from lead where id = ?").param(leadId)
                .query(String.class).list();
        if (assignee.isEmpty() || owner.isPresent() && !owner.get().equals(assignee.get(0))) {
            throw new ResourceNotFoundException("Lead", leadId);
        }
    }

    private void score(List<UUID> ids, Predicate<UUID> publish) {
        UUID[] idArray = ids.toArray(UUID[]::new);
        List<ScoredLead> leads = jdbc.sql("""
                select l.id, l.customer_id, l.title, l.value, l.currency, l.source, l.status, l.created_at,
                       s.score as previous_score, s.rule_set_version as previous_version
                from lead l left join lead_score s on s.lead_id = l.id
                where l.id = any(?)
                """).param(idArray)
                .query((rs, row) -> new ScoredLead(rs.getObject("id", UUID.class),
                        rs.getObject("customer_id", UUID.class), rs.getString("title"), rs.getBigDecimal("value"),
                        rs.getString("currency").trim(), rs.getString("source"), rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        (Integer) rs.getObject("previous_score"), rs.getString("previous_version")))
                .list();
        Map<UUID, Map<String, LeadFacts.Signal>> signals = signals(leads);
        Map<UUID, LeadFacts.Signal> payments = payments(idArray);
        Map<UUID, LeadFacts.Signal> notes = notes(idArray);
        LeadScorer scorer = rules.scorer();
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);

        int n = leads.size();
        UUID[] scored = new UUID[n];
        Integer[] points = new Integer[n];
        String[] factors = new String[n];
        List<UUID> historyIds = new ArrayList<>();
        List<Integer> historyScores = new ArrayList<>();
        String version = scorer.rules().version();
        for (int i = 0; i < n; i++) {
            ScoredLead lead = leads.get(i);
            LeadScore score = scorer.score(lead.facts(signals.getOrDefault(lead.customerId(), Map.of()),
                    payments.get(lead.id()), notes.get(lead.id())), now);
            scored[i] = lead.id();
            points[i] = score.score();
            factors[i] = json.writeValueAsString(score.factors());
            boolean changed = lead.previousScore() == null || lead.previousScore() != score.score();
            if (changed || !version.equals(lead.previousVersion())) {
                historyIds.add(lead.id());
                historyScores.add(score.score());
            }
            if (changed && publish.test(lead.id())) {
                outbox.append(AGGREGATE, lead.id(), LeadScored.TYPE, new LeadScored(lead.id(), lead.customerId(),
                        lead.title(), score.score(), lead.previousScore(), version));
            }
        }
        // one statement per table for the whole batch (arrays, not a statement per lead)
        jdbc.sql("""
                insert into lead_score (lead_id, score, rule_set_version, factors, computed_at)
                select u.id, u.score, ?, u.factors::jsonb, ? from unnest(?::uuid[], ?::int[], ?::text[]) as u (id, score, factors)
                on conflict (lead_id) do update set score = excluded.score,
                    rule_set_version = excluded.rule_set_version, factors = excluded.factors,
                    computed_at = excluded.computed_at
                """).params(version, at, scored, points, factors).update();
        if (!historyIds.isEmpty()) {
            jdbc.sql("""
                    insert into lead_score_history (lead_id, score, rule_set_version, computed_at)
                    select u.id, u.score, ?, ? from unnest(?::uuid[], ?::int[]) as u (id, score)
                    """).params(version, at, historyIds.toArray(UUID[]::new), historyScores.toArray(Integer[]::new))
                    .update();
        }
    }

    private Map<UUID, Map<String, LeadFacts.Signal>> signals(List<ScoredLead> leads) {
        UUID[] customers = leads.stream().map(ScoredLead::customerId).distinct().toArray(UUID[]::new);
        Map<UUID, Map<String, LeadFacts.Signal>> signals = new HashMap<>();
        jdbc.sql("select customer_id, kind, count, last_at from customer_signal where customer_id = any(?)")
                .param(customers)
                .query(rs -> {
                    signals.computeIfAbsent(rs.getObject("customer_id", UUID.class), id -> new HashMap<>())
                            .put(rs.getString("kind"), new LeadFacts.Signal(rs.getLong("count"),
                                    rs.getObject("last_at", OffsetDateTime.class).toInstant()));
                });
        return signals;
    }

    /** Per lead, its payments that count: how many, and when the last of them was completed. */
    private Map<UUID, LeadFacts.Signal> payments(UUID[] leads) {
        return perLead("select lead_id, count(*) as count, max(completed_at) as last_at from lead_payment"
                + " where lead_id = any(?) and counts group by lead_id", leads);
    }

    /** Per lead, its own notes: how many, and when the last of them was written. */
    private Map<UUID, LeadFacts.Signal> notes(UUID[] leads) {
        return perLead("select lead_id, count(*) as count, max(created_at) as last_at from lead_note"
                + " where lead_id = any(?) group by lead_id", leads);
    }

    /** A signal per lead from a query of {@code lead_id, count, last_at} over the leads given as its parameter. */
    private Map<UUID, LeadFacts.Signal> perLead(String sql, UUID[] leads) {
        Map<UUID, LeadFacts.Signal> signals = new HashMap<>();
        jdbc.sql(sql).param(leads).query(rs -> {
            signals.put(rs.getObject("lead_id", UUID.class), new LeadFacts.Signal(rs.getLong("count"),
                    rs.getObject("last_at", OffsetDateTime.class).toInstant()));
        });
        return signals;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private record ScoredLead(UUID id, UUID customerId, String title, BigDecimal value, String currency,
            String source, String status, Instant createdAt, Integer previousScore, String previousVersion) {

        /**
         * @param payment the lead's own payments that count, null for none
         * @param notes the lead's own notes, null for none: counted with the notes on its customer
         */
        LeadFacts facts(Map<String, LeadFacts.Signal> customerSignals, LeadFacts.Signal payment,
                LeadFacts.Signal notes) {
            Map<String, LeadFacts.Signal> signals = new HashMap<>(customerSignals);
            if (payment != null) {
                signals.put(PAYMENT, payment);
            }
            if (notes != null) {
                signals.merge(NOTE, notes, LeadFacts.Signal::plus);
            }
            return new LeadFacts(id, customerId, value, currency, source, status, createdAt, signals);
        }
    }
}
