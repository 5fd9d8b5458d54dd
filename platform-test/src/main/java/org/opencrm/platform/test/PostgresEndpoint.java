package org.opencrm.platform.test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the test PostgreSQL 15 server listens: a JDBC URL of the {@code crm_test} database and the credentials of a
 * superuser.
 */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {

    /**
     * Creates the database if it does not exist yet, so that a test can have a database of its own.
     *
     * @param name a plain SQL identifier (letters, digits, underscores)
     * @return the JDBC URL of that database, with the same credentials
     */
    public String createDatabase(String name) {
        plain(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        }
        catch (SQLException ex) {
            // two tests asking for the same name at once: the loser sees duplicate_database, which is fine
            if (!"42P04".equals(ex.getSQLState())) {
                throw new IllegalStateException("could not create database " + name + " at " + jdbcUrl, ex);
            }
        }
        return jdbcUrl(name);
    }

    /**
     * Ends every connection to {@code database} and refuses new ones until {@link #acceptConnections}: an outage of
     * that database alone, which the server's other users do not see.
     */
    public void refuseConnections(String database) {
        administer("alter database " + plain(database) + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + plain(database) + "'");
    }

    public void acceptConnections(String database) {
        administer("alter database " + plain(database) + " allow_connections true");
    }

    private void administer(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not run " + String.join("; ", statements), ex);
        }
    }

    private static String plain(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrl(String database) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
    }
}
