package org.opencrm.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.EventStream;
import org.opencrm.reporting.domain.RebuildSchema;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.Api.Caller;
import org.opencrm.reporting.support.Envelopes;
import org.opencrm.reporting.support.Envelopes.Event;
import org.opencrm.reporting.support.EventFeed;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rebuild by replay through the admin API: the rebuilt read models equal the ones built event by event, the old
 * ones answer while it runs, and events arriving during it count once. The test holds the rebuild at two points with
 * real database locks: before it starts reading (a table in its schema) and before its switch (the inbox).
 */
@ReportingIntegrationTest
class ReplayRebuildIT {

    private static final String REBUILD = "/api/v1/reports/admin/rebuild";

    @LocalServerPort
    int port;

    @Autowired
    EventFeed feed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void rebuildsModelsEqualToTheIncrementalOnesWhileTheOldOnesAnswerAndLateEventsCountOnce() throws Exception {
        Api api = new Api(port);
        Caller admin = Api.signIn("admin");
        // a month of its own, whatever else the database holds
        Instant t0 = Instant.parse("2302-01-01T00:00:00Z").plus((long) (Math.random() * 50 * 365), ChronoUnit.DAYS);
        String dashboard = "/api/v1/reports/dashboard?from=" + t0 + "&to=" + t0.plus(Duration.ofDays(30));
        awaitNoRebuild(api, admin);

        // models only events made (rows other tests wrote without events are gone), then several stories on top,
        // one told backwards, one with every event delivered twice
        rebuildAndAwait(api, admin);
        ReadModelsIT.Story first = new ReadModelsIT.Story(t0);
        ReadModelsIT.Story backwards = new ReadModelsIT.Story(t0.plusSeconds(600));
        ReadModelsIT.Story twice = new ReadModelsIT.Story(t0.plusSeconds(1200));
        List<Event> reversed = new ArrayList<>(backwards.events);
        Collections.reverse(reversed);
        feed.sendAll(first.events.subList(0, 2));
        // amid a rebuild's batch of events: that batch is applied again one by one, without it
        feed.sendUnreadable(first.events.get(0).topic(), first.customer.toString());
        feed.sendAll(first.events.subList(2, first.events.size()));
        feed.sendAll(reversed);
        for (Event event : twice.events) {
            feed.send(event);
            feed.send(event);
        }
        feed.awaitApplied(first.events, backwards.events, twice.events);
        JsonNode before = figures(api, admin, dashboard);
        assertThat(before.get("wonLeads").asLong()).isEqualTo(3);

        UUID lateCustomer = UUID.randomUUID();
        // an owner of its own: its customer's kept count is a row of its own, set aside like its other rows below
        String lateOwner = "late-" + lateCustomer;
        List<Event> atTheSwitch = List.of(
                Envelopes.of("customer.created", lateCustomer, t0.plusSeconds(40), Map.of("id", lateCustomer,
                        "name", "Late", "ownerId", lateOwner, "createdAt", t0.plusSeconds(40).toString())),
                note(lateCustomer, t0.plusSeconds(50)));
        JsonNode whileRunning;
        Map<String, List<String>> incremental;
        try (Connection start = dataSource.getConnection(); Connection beforeSwitch = dataSource.getConnection()) {
            holdTheStart(start);
            holdTheSwitch(beforeSwitch);

            HttpResponse<byte[]> started = api.send(admin, "POST", REBUILD, null);
            assertThat(started.statusCode()).as(body(started)).isEqualTo(202);
            assertThat(state(api, admin)).isEqualTo("running");
            HttpResponse<byte[]> again = api.send(admin, "POST", REBUILD, null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(api.send(Api.signIn("sales1"), "POST", REBUILD, null).statusCode()).isEqualTo(403);
            assertThat(api.send(Api.signIn("sales1"), "GET", REBUILD, null).statusCode()).isEqualTo(403);

            // the old models answer while it runs, and follow the events
            assertThat(figures(api, admin, dashboard)).isEqualTo(before);
            UUID lateLead = UUID.randomUUID();
            List<Event> duringTheRun = List.of(
                    lead("lead.created", lateLead, first.customer, t0.plusSeconds(30), Map.of("source", "WEB",
                            "value", "50.00", "currency", "EUR", "status", "NEW", "assignedTo", first.owner)),
                    lead("lead.status-changed", lateLead, first.customer, t0.plusSeconds(90), Map.of("from", "NEW",
                            "to", "CLOSED_WON")));
            feed.sendAll(duringTheRun);
            feed.awaitApplied(duringTheRun);
            whileRunning = figures(api, admin, dashboard);
            assertThat(whileRunning.get("wonLeads").asLong()).isEqualTo(4);

            start.rollback();
            Awaitility.await("the rebuild read the topics").atMost(Duration.ofSeconds(60))
                .until(() -> state(api, admin).equals("switching"));
            JsonNode status = api.json(admin, "GET", REBUILD, null);
            assertThat(status.get("eventsApplied").asLong()).isPositive();
            assertThat(status.get("partitions")).isNotEmpty().allSatisfy(p -> assertThat(p.get("position").asLong())
                .isGreaterThanOrEqualTo(p.get("end").asLong()));
            incremental = snapshot();

            // these arrive while the switch waits for its lock: the live consumer waits behind it, the rebuild
            // applies them under it
            Awaitility.await("the switch waits for the inbox").atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                        + " where c.relname = 'inbox_event' and not l.granted").query(Long.class).single() > 0);
            feed.sendAll(atTheSwitch);
            feed.send(first.events.get(0)); // a redelivery
            assertThat(figures(api, admin, dashboard)).isEqualTo(whileRunning);

            try (EventStream stream = EventStream.open("http://127.0.0.1:" + port + "/api/v1/reports/stream", admin.token(),
                    null)) {
                beforeSwitch.rollback();
                Awaitility.await("the rebuild switched").atMost(Duration.ofSeconds(60))
                    .until(() -> state(api, admin).equals("done"));
                Awaitility.await("open dashboards hear that everything changed").atMost(Duration.ofSeconds(10))
                    .until(() -> stream.events("changed").stream().anyMatch(e -> e.data().get("datasets").size() == 5));
            }
        }

        // the live consumer goes on after the switch: past the events the rebuild applied (same key, same partition)
        List<Event> afterTheSwitch = List.of(note(lateCustomer, t0.plusSeconds(60)));
        feed.sendAll(afterTheSwitch);
        feed.awaitApplied(afterTheSwitch);
        JsonNode status = api.json(admin, "GET", REBUILD, null);
        assertThat(status.get("finishedAt").isNull()).isFalse();
        assertThat(status.get("eventsPerSecond").asLong()).isPositive();
        // kept in the database, as every instance (and this one after a restart) reads it
        assertThat(jdbc.sql("select state || ' ' || events_applied || ' ' || events_per_second from rebuild_status")
            .query(String.class).single()).isEqualTo("done " + status.get("eventsApplied").asLong() + " "
                    + status.get("eventsPerSecond").asLong());
        Awaitility.await("the rebuild's own connection, and its lock, are gone").atMost(Duration.ofSeconds(5))
            .until(() -> jdbc.sql("select count(*) from pg_stat_activity"
                    + " where application_name = 'reporting-service rebuild'").query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name = :name")
            .param("name", RebuildSchema.NAME).query(Long.class).single()).isZero();

        Map<String, List<String>> rebuilt = snapshot();
        List<String> late = rowsOf(lateCustomer, lateOwner);
        assertThat(late).hasSize(4); // its fact, its two notes, once each, and its kept count
        for (String table : RebuildSchema.READ_MODELS) {
            List<String> rows = new ArrayList<>(rebuilt.get(table));
            rows.removeIf(row -> late.contains(table + " " + row));
            assertThat(rows).as(table).isEqualTo(incremental.get(table));
        }
        JsonNode after = figures(api, admin, dashboard);
        assertThat(after.get("wonLeads").asLong()).isEqualTo(4);
        assertThat(after.get("newCustomers").asLong()).isEqualTo(whileRunning.get("newCustomers").asLong() + 1);

        // the tables swapped in are the migrations' tables, with the planner's statistics of their rows
        assertThat(definitionOf("public")).isEqualTo(definitionMigratedAfresh());
        for (String table : List.of("customer_fact", "lead_fact", "activity_fact", "inbox_event")) {
            assertThat(jdbc.sql("select count(*) from pg_stats where schemaname = 'public' and tablename = :table")
                .param("table", table).query(Long.class).single()).as(table).isPositive();
        }
    }

    /** The definition of a schema of its own made by the migrations, as at the service's first start. */
    private List<String> definitionMigratedAfresh() {
        String schema = "migrated_afresh";
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
            return definitionOf(schema);
        }
        finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    /** The read models' and the inbox's columns, indexes and constraints, whatever their schema is called. */
    private List<String> definitionOf(String schema) {
        List<String> tables = new ArrayList<>(RebuildSchema.READ_MODELS);
        tables.add("inbox_event");
        List<String> definition = new ArrayList<>();
        definition.addAll(jdbc.sql("""
                select concat_ws(' ', table_name, ordinal_position, column_name, data_type, character_maximum_length,
                  numeric_precision, numeric_scale, is_nullable, column_default)
                from information_schema.columns where table_schema = :schema and table_name in (:tables)""")
            .param("schema", schema).param("tables", tables).query(String.class).list());
        // PostgreSQL writes a predicate it read back from its own text with its casts elsewhere ('NEW'::character
        // varying)::text instead of (ARRAY['NEW'::character varying])::text[]: the same index, casts and parentheses
        // aside (the planner uses either for the same queries)
        definition.addAll(jdbc.sql("""
                select tablename || ' ' || replace(indexdef, ' ON ' || schemaname || '.', ' ON ')
                from pg_indexes where schemaname = :schema and tablename in (:tables)""")
            .param("schema", schema).param("tables", tables).query(String.class).list().stream()
            .map(index -> index.replaceAll("::[a-z]+( varying)?(\\[])?|[()]", ""))
            .toList());
        definition.addAll(jdbc.sql("""
                select concat_ws(' ', t.relname, c.conname, c.contype, pg_get_constraintdef(c.oid))
                from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = :schema and t.relname in (:tables)""")
            .param("schema", schema).param("tables", tables).query(String.class).list());
        Collections.sort(definition);
        return definition;
    }

    private List<String> rowsOf(UUID customer, String owner) {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("select 'customer_fact ' || cast(row_to_json(t) as text) from customer_fact t"
                + " where id = :id").param("id", customer).query(String.class).list());
        rows.addAll(jdbc.sql("select 'activity_fact ' || cast(row_to_json(t) as text) from activity_fact t"
                + " where customer_id = :id").param("id", customer).query(String.class).list());
        rows.addAll(jdbc.sql("select 'customer_rollup ' || cast(row_to_json(t) as text) from customer_rollup t"
                + " where owner_id = :owner").param("owner", owner).query(String.class).list());
        return rows;
    }

    private static Event note(UUID customer, Instant at) {
        return Envelopes.of("customer.note-added", customer, at, Map.of("customerId", customer,
                "occurredAt", at.toString()));
    }

    private void holdTheStart(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + RebuildSchema.NAME);
            statement.execute("create table if not exists " + RebuildSchema.NAME + ".hold (id int)");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + RebuildSchema.NAME + ".hold in access share mode");
        }
    }

    private void holdTheSwitch(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table inbox_event in row share mode");
        }
    }

    private void rebuildAndAwait(Api api, Caller admin) {
        HttpResponse<byte[]> started = api.send(admin, "POST", REBUILD, null);
        assertThat(started.statusCode()).as(body(started)).isEqualTo(202);
        Awaitility.await("the first rebuild").atMost(Duration.ofSeconds(60))
            .until(() -> state(api, admin).equals("done"));
    }

    private static void awaitNoRebuild(Api api, Caller admin) {
        Awaitility.await("no rebuild running").atMost(Duration.ofSeconds(60))
            .until(() -> !List.of("running", "switching").contains(state(api, admin)));
    }

    private static String state(Api api, Caller admin) {
        return api.json(admin, "GET", REBUILD, null).get("state").asString();
    }

    private static JsonNode figures(Api api, Caller admin, String path) {
        ObjectNode figures = (ObjectNode) api.json(admin, "GET", path, null);
        figures.remove("asOf");
        return figures;
    }

    /** Every row of every read model, as JSON, in order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : RebuildSchema.READ_MODELS) {
            tables.put(table, jdbc.sql("select cast(row_to_json(t) as text) from " + table + " t order by 1")
                .query(String.class).list());
        }
        return tables;
    }

    private static Event lead(String type, UUID lead, UUID customer, Instant at, Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>(fields);
        payload.put("leadId", lead);
        payload.put("customerId", customer);
        payload.put("title", "Late");
        return Envelopes.of(type, lead, at, payload);
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
