package org.opencrm.reporting.domain;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Customers as their events describe them. Owner, tags and existence each change only for an event at least as new
 * as the one that set them; the creation time is the earliest heard of; a purge is final. Every change of what is
 * counted moves the customer between its kept counts ({@link CustomerRollups}) in the same transaction, and a new owner
 * or a purge its payments, refunds and follow-ups between theirs ({@link OwnedRollups}).
 *
 * <p>An event is applied in one update that returns the customer's state before and after it: the statements per
 * event, not the work in them, bound how many events per second the read models follow.
 */
@Repository
public class CustomerFacts {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final String STATE = """
            %1$s.created_at is not null and not %1$s.deleted and not %1$s.purged,
            date_trunc('day', %1$s.created_at, 'UTC'), %1$s.owner_id,
            array(select distinct t from jsonb_array_elements_text(%1$s.tags) t where t is not null order by t)""";

    // "old" locks the row and keeps its values: PostgreSQL's RETURNING gives the new ones only
    private static final String APPLY = """
            update customer_fact c set
              created_at = least(c.created_at, cast(:created as timestamptz)),
              owner_id = case when :setsOwner and c.owner_at <= :at then cast(:owner as varchar) else c.owner_id end,
              owner_at = case when :setsOwner and c.owner_at <= :at then :at else c.owner_at end,
              tags = case when :setsTags and c.tags_at <= :at then cast(:tags as jsonb) else c.tags end,
              tags_at = case when :setsTags and c.tags_at <= :at then :at else c.tags_at end,
              deleted = case when :setsExistence and c.existence_at <= :at then :deleted else c.deleted end,
              existence_at = case when :setsExistence and c.existence_at <= :at then :at else c.existence_at end,
              purged = c.purged or :purge
            from (select * from customer_fact where id = :id for update) old
            where c.id = old.id
            returning %s, %s, old.purged, c.purged""".formatted(STATE.formatted("old"), STATE.formatted("c"));

    private final JdbcClient jdbc;
    private final CustomerRollups rollups;
    private final OwnedRollups owned;

    public CustomerFacts(JdbcClient jdbc, CustomerRollups rollups, OwnedRollups owned) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.owned = owned;
    }

    public void apply(UUID id, CustomerChange change) {
        jdbc.sql("insert into customer_fact (id) values (:id) on conflict do nothing").param("id", id).update();
        OwnedRollups.Counted counted = change.mayMoveOwned() ? owned.customer(id) : null;
        Transition transition = update(id, change);
        rollups.move(transition.before(), transition.after());
        if (counted != null && !counted.isEmpty() && transition.movesOwned()) {
            owned.move(counted, owned.recountCustomer(id));
        }
    }

    private Transition update(UUID id, CustomerChange change) {
        boolean setsTags = change.tags() != null;
        return jdbc.sql(APPLY)
            .param("id", id)
            .param("at", utc(change.at()))
            .param("created", change.createdAt() == null ? null : utc(change.createdAt()))
            .param("setsOwner", change.setsOwner())
            .param("owner", change.owner())
            .param("setsTags", setsTags)
            .param("tags", setsTags ? JSON.writeValueAsString(change.tags()) : null)
            .param("setsExistence", change.deleted() != null)
            .param("deleted", change.deleted() != null && change.deleted())
            .param("purge", change.purge())
            .query((rs, n) -> new Transition(
                    new CustomerRollups.State(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            tags(rs.getArray(4))),
                    new CustomerRollups.State(rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                            tags(rs.getArray(8))),
                    !rs.getBoolean(9) && rs.getBoolean(10)))
            .single();
    }

    private static List<String> tags(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    /** The customer's state before and after an event, and whether the event purged it. */
    private record Transition(CustomerRollups.State before, CustomerRollups.State after, boolean purgedNow) {

        /** Whether its payments, refunds and follow-ups now count elsewhere: a new owner, or gone with a purge. */
        boolean movesOwned() {
            return purgedNow || !Objects.equals(before.owner(), after.owner());
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
