package org.opencrm.reporting.application;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database connection of its own, outside the pool: for a session that lives as long as its work does (listening
 * for notifications, holding a session lock), which the pool's statement timeout and recycling must not touch.
 */
@FunctionalInterface
public interface DedicatedConnection {

    /** A new connection that the caller closes; {@code purpose} names it in {@code pg_stat_activity}. */
    Connection open(String purpose) throws SQLException;
}
