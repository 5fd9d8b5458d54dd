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

        // the container's crm_test, or this JVM's crm_test_<module>_<pid> on the shared server
        assertThat(postgres.jdbcUrl()).contains("/crm_test");
        assertThat(query(postgres.jdbcUrl(), postgres, "select version()")).contains("PostgreSQL 15");
    }

    @Test
    void createsNamedDatabases() throws SQLException {
        PostgresEndpoint postgres = TestInfrastructure.postgres();

        String name = TestNamespace.name() + "_other";
        String url = postgres.createDatabase(name);

        assertThat(postgres.createDatabase(name)).isEqualTo(url);
        assertThat(query(url, postgres, "select current_database()")).isEqualTo(name);
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
