package org.opencrm.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresIT {

    @Test
    void answersAsPostgres15() throws SQLException {
        PostgresEndpoint postgres = TestInfrastructure.postgres();

        assertThat(postgres.jdbcUrl()).endsWith("/crm_test");
        assertThat(query(postgres.jdbcUrl(), postgres, "select version()")).contains("PostgreSQL 15");
    }

    @Test
    void createsNamedDatabases() throws SQLException {
        PostgresEndpoint postgres = TestInfrastructure.postgres();

        String url = postgres.createDatabase("crm_platform_test");

        assertThat(postgres.createDatabase("crm_platform_test")).isEqualTo(url);
        assertThat(query(url, postgres, "select current_database()")).isEqualTo("crm_platform_test");
    }

    @Test
    void isStartedOncePerJvm() {
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
    }

    private static String query(String url, PostgresEndpoint postgres, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
