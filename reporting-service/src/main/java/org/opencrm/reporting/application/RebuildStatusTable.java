package org.opencrm.reporting.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rebuild's status row ({@code rebuild_status}) and the guard that one rebuild runs at a time across instances:
 * {@code pg_try_advisory_lock} on the runner's own connection, held until it ends, and released by PostgreSQL when
 * that session ends however it ends (a crash included), so a stopped instance never blocks the next rebuild.
 */
class RebuildStatusTable {

    /** The advisory lock's key: "rebuild" in ASCII. */
    static final long LOCK = 0x72_65_62_75_69_6c_64L;

    private static final String INTERRUPTED = "interrupted: the instance running it stopped before it ended";

    private static final TypeReference<List<RebuildStatus.Partition>> PARTITIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RebuildStatusTable(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * As any instance reads it: a rebuild shown running or switching whose lock nobody holds was interrupted (its
     * instance stopped or lost its connection) and is shown failed.
     */
    RebuildStatus read() {
        return jdbc.sql("""
                select s.*, exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
                    and l.database = (select oid from pg_database where datname = current_database())
                    and ((cast(l.classid as bigint) << 32) | cast(l.objid as bigint)) = :lock and l.objsubid = 1) as held
                from rebuild_status s""").param("lock", LOCK).query((rs, row) -> {
                    RebuildStatus status = status(rs);
                    if (status.active() && !rs.getBoolean("held")) {
                        return new RebuildStatus("failed", status.startedAt(), status.finishedAt(),
                                status.partitions(), status.eventsApplied(), status.eventsPerSecond(), INTERRUPTED);
                    }
                    return status;
                }).single();
    }

    /** On the runner's connection: whether it now holds the guard (then it keeps it until the connection closes). */
    static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** On the runner's connection, which holds the guard. */
    void write(Connection connection, RebuildStatus status, String instance) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update rebuild_status set state = ?, started_at = ?, finished_at = ?, partitions = cast(? as jsonb),
                    events_applied = ?, events_per_second = ?, error = ?, instance = ?""")) {
            statement.setString(1, status.state());
            statement.setObject(2, offset(status.startedAt()));
            statement.setObject(3, offset(status.finishedAt()));
            statement.setString(4, json.writeValueAsString(status.partitions()));
            statement.setLong(5, status.eventsApplied());
            if (status.eventsPerSecond() == null) {
                statement.setNull(6, Types.BIGINT);
            }
            else {
                statement.setLong(6, status.eventsPerSecond());
            }
            statement.setString(7, status.error());
            statement.setString(8, instance);
            statement.executeUpdate();
        }
    }

    private RebuildStatus status(ResultSet rs) throws SQLException {
        Long perSecond = rs.getObject("events_per_second", Long.class);
        return new RebuildStatus(rs.getString("state"), instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)), json.readValue(rs.getString("partitions"), PARTITIONS),
                rs.getLong("events_applied"), perSecond, rs.getString("error"));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
