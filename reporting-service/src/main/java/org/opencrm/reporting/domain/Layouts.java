package org.opencrm.reporting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored dashboards: a user's own ({@code user}) and the defaults published for a role ({@code role}). */
@Repository
public class Layouts {

    public static final String USER = "user";
    public static final String ROLE = "role";

    private static final TypeReference<List<Widget>> WIDGETS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Layouts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<List<Widget>> find(String kind, String id) {
        return jdbc.sql("select widgets::text from dashboard_layout where owner_kind = :kind and owner_id = :id")
            .param("kind", kind).param("id", id).query(String.class).optional()
            .map(text -> json.readValue(text, WIDGETS));
    }

    public void save(String kind, String id, List<Widget> widgets, String by, Instant at) {
        jdbc.sql("""
                insert into dashboard_layout (owner_kind, owner_id, widgets, updated_at, updated_by)
                values (:kind, :id, cast(:widgets as jsonb), :at, :by)
                on conflict (owner_kind, owner_id) do update set widgets = excluded.widgets,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
            .param("kind", kind).param("id", id).param("widgets", json.writeValueAsString(widgets))
            .param("at", CustomerFacts.utc(at)).param("by", by).update();
    }

    public void delete(String kind, String id) {
        jdbc.sql("delete from dashboard_layout where owner_kind = :kind and owner_id = :id")
            .param("kind", kind).param("id", id).update();
    }
}
