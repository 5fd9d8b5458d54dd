package org.opencrm.activity.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The due job's rows: open follow-ups due by now and not yet announced. Claiming marks them in one statement, so a
 * follow-up is announced once per due time even if two instances ran the job at once (rows another transaction holds
 * are skipped, and the condition is checked again on the locked row). The entity never maps the mark, so a user's
 * concurrent save cannot undo it.
 */
@Repository
public class DueFollowUps {

    private final JdbcClient jdbc;

    public DueFollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks up to {@code batch} due follow-ups announced as of {@code now} and returns them, soonest due first. */
    public List<DueFollowUp> claim(Instant now, int batch) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                update follow_up set due_published_at = :now
                where id in (select id from follow_up
                             where status = 'OPEN' and due_published_at is null and due_at <= :now
                             order by due_at, id limit :batch for update skip locked)
                  and status = 'OPEN' and due_published_at is null
                returning id, customer_id, lead_id, title, due_at, assignee""")
            .param("now", at).param("batch", batch)
            .query((rs, n) -> new DueFollowUp(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                    rs.getString(6)))
            .list()
            .stream()
            .sorted(Comparator.comparing(DueFollowUp::dueAt).thenComparing(DueFollowUp::id))
            .toList();
    }

    /** A follow-up given a new due time is announced again when that time comes. */
    public void rescheduled(UUID id) {
        jdbc.sql("update follow_up set due_published_at = null where id = :id").param("id", id).update();
    }
}
