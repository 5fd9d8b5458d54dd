package org.opencrm.activity.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users this service has seen: lead assignees (from lead events, so every sales user with a lead), and whoever
 * created, changed or was given a follow-up. activity-service has no user directory of its own; a follow-up's
 * assignee must be the caller or one of these.
 */
@Repository
public class KnownUsers {

    private final JdbcClient jdbc;

    public KnownUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the user and the name they are known by now (a later name replaces an earlier one). */
    public void seen(String id, String name, Instant at) {
        if (id == null || name == null || name.isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into known_user (id, name, seen_at) values (:id, :name, :at)
                on conflict (id) do update set name = excluded.name, seen_at = excluded.seen_at
                where known_user.seen_at <= excluded.seen_at and known_user.name is distinct from excluded.name""")
            .param("id", id).param("name", name.strip()).param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    public Optional<KnownUser> find(String id) {
        return jdbc.sql("select id, name from known_user where id = :id").param("id", id)
            .query((rs, n) -> new KnownUser(rs.getString(1), rs.getString(2))).optional();
    }

    /** Everyone known, by name; bounded, as a picker shows them. */
    public List<KnownUser> all(int limit) {
        return jdbc.sql("select id, name from known_user order by lower(name), id limit :limit").param("limit", limit)
            .query((rs, n) -> new KnownUser(rs.getString(1), rs.getString(2))).list();
    }
}
