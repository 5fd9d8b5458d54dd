package org.opencrm.reporting.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The names of assignees and owners as the latest event that named them had them. */
@Repository
public class UserNames {

    private final JdbcClient jdbc;

    public UserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers {@code name} for the user unless a later event already named them (events may come late). */
    public void named(String userId, String name, Instant at) {
        if (userId == null || name == null || name.isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into user_name (user_id, name, named_at) values (:id, :name, :at)
                on conflict (user_id) do update set name = excluded.name, named_at = excluded.named_at
                where user_name.named_at <= excluded.named_at and user_name.name is distinct from excluded.name""")
            .param("id", userId).param("name", name.strip()).param("at", at.atOffset(ZoneOffset.UTC))
            .update();
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
