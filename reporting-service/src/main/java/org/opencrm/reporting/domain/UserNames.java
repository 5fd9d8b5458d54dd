package org.opencrm.reporting.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.opencrm.platform.persistence.TransactionScoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;

/** The names of assignees and owners as the latest event that named them had them. */
@Repository
public class UserNames {

    private final JdbcClient jdbc;

    public UserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers {@code name} for the user unless a later event already named them (events may come late). A replay
     * worker's names are written as its transaction commits ({@link ReplayWorker}).
     */
    public void named(String userId, String name, Instant at) {
        if (userId == null || name == null || name.isBlank()) {
            return;
        }
        if (ReplayWorker.active()) {
            namedAtCommit().merge(userId, new Named(name.strip(), at), Named::later);
        }
        else {
            write(userId, name.strip(), at);
        }
    }

    private void write(String userId, String name, Instant at) {
        jdbc.sql("""
                insert into user_name (user_id, name, named_at) values (:id, :name, :at)
                on conflict (user_id) do update set name = excluded.name, named_at = excluded.named_at
                where user_name.named_at <= excluded.named_at and user_name.name is distinct from excluded.name""")
            .param("id", userId).param("name", name).param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    /** The transaction's names, the latest per user, written in the order of the users' ids before it commits. */
    private Map<String, Named> namedAtCommit() {
        return TransactionScoped.get(this, NamesAtCommit::new).named;
    }

    private final class NamesAtCommit implements TransactionSynchronization {

        private final Map<String, Named> named = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            named.forEach((userId, name) -> write(userId, name.name(), name.at()));
        }
    }

    private record Named(String name, Instant at) {

        /** The later of the two; the other one at the same time. */
        Named later(Named other) {
            return other.at.isBefore(at) ? this : other;
        }
    }

    /** The known names of these users; an unknown one is absent. */
    public Map<String, String> of(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select user_id, name from user_name where user_id in (:ids)").param("ids", userIds)
            .query(rs -> {
                names.put(rs.getString(1), rs.getString(2));
            });
        return names;
    }
}
