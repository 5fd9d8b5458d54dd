package org.opencrm.reporting.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Customers as their events describe them. Owner, tags and existence each change only for an event at least as new
 * as the one that set them; the creation time is the earliest heard of; a purge is final. Every change of what is
 * counted moves the customer between its kept counts ({@link CustomerRollups}) in the same transaction, and a new owner
 * or a purge its payments, refunds and follow-ups between theirs ({@link OwnedRollups}).
 */
@Repository
public class CustomerFacts {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;
    private final CustomerRollups rollups;
    private final OwnedRollups owned;

    public CustomerFacts(JdbcClient jdbc, CustomerRollups rollups, OwnedRollups owned) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.owned = owned;
    }

    public void created(UUID id, Instant at) {
        CustomerRollups.State before = ensure(id);
        jdbc.sql("update customer_fact set created_at = :at where id = :id and (created_at is null or created_at > :at)")
            .param("id", id).param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
    }

    public void owned(UUID id, String ownerId, Instant at) {
        CustomerRollups.State before = ensure(id);
        boolean moves = jdbc.sql("""
                select owner_at <= :at and owner_id is distinct from :owner from customer_fact where id = :id""")
            .param("id", id).param("owner", ownerId).param("at", utc(at)).query(Boolean.class).single();
        OwnedRollups.Counted counted = moves ? owned.customer(id) : null;
        jdbc.sql("update customer_fact set owner_id = :owner, owner_at = :at where id = :id and owner_at <= :at")
            .param("id", id).param("owner", ownerId).param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
        if (moves) {
            owned.move(counted, owned.customer(id));
        }
    }

    public void tagged(UUID id, List<String> tags, Instant at) {
        CustomerRollups.State before = ensure(id);
        String tagsJson = JSON.writeValueAsString(tags);
        jdbc.sql("update customer_fact set tags = cast(:tags as jsonb), tags_at = :at where id = :id and tags_at <= :at")
            .param("id", id).param("tags", tagsJson).param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
    }

    public void existing(UUID id, boolean deleted, Instant at) {
        CustomerRollups.State before = ensure(id);
        jdbc.sql("update customer_fact set deleted = :deleted, existence_at = :at where id = :id and existence_at <= :at")
            .param("id", id).param("deleted", deleted).param("at", utc(at)).update();
        rollups.move(before, rollups.state(id));
    }

    public void purged(UUID id) {
        CustomerRollups.State before = ensure(id);
        OwnedRollups.Counted counted = owned.customer(id);
        jdbc.sql("update customer_fact set purged = true where id = :id").param("id", id).update();
        rollups.move(before, rollups.state(id));
        owned.move(counted, owned.customer(id));
    }

    /** Makes the row if it is new, and gives its state before the change. */
    private CustomerRollups.State ensure(UUID id) {
        jdbc.sql("insert into customer_fact (id) values (:id) on conflict do nothing").param("id", id).update();
        return rollups.state(id);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
