package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.fuzz.FuzzRequest;
import org.opencrm.platform.test.fuzz.FuzzResponse;
import org.opencrm.platform.test.fuzz.FuzzTokenConfiguration;
import org.opencrm.platform.test.fuzz.HttpFuzzTransport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad input of issue 10 that answered 500 (or the wrong problem), over real HTTP: each now gets the 4xx it
 * deserves, and a slow or exhausted database a 503 with Retry-After.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
@Import(FuzzTokenConfiguration.class)
class CustomerBadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    DataSource dataSource;

    HttpFuzzTransport http() {
        return new HttpFuzzTransport("http://127.0.0.1:" + port,
                () -> Map.of("Authorization", "Bearer " + FuzzTokenConfiguration.ADMIN_TOKEN));
    }

    FuzzResponse send(String method, String uri, String body) throws Exception {
        return http().send(new FuzzRequest(method, uri, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false, "test"));
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void refusesA30MegabyteBodyWith413AndKeepsServing(boolean chunked) throws Exception {
        byte[] body = ("{\"name\":\"" + "A".repeat(30 * 1024 * 1024) + "\",\"email\":\"big@example.com\"}")
            .getBytes(StandardCharsets.UTF_8);
        FuzzResponse response = http().send(new FuzzRequest("POST", "/api/v1/customers", body, chunked, "30 MB"));
        if (response.status() != FuzzResponse.CLOSED_WHILE_SENDING) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(send("GET", "/api/v1/customers?size=1", null).status()).isEqualTo(200);
    }

    @Test
    void refusesABodyJustOverTheLimitWith413ProblemEvenWhenChunked() throws Exception {
        // two strings, each below the string-length limit, together just over the 1 MB body limit
        byte[] body = ("{\"name\":\"" + "A".repeat(600_000) + "\",\"email\":\"" + "B".repeat(600_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : List.of(false, true)) {
            FuzzResponse response = http().send(new FuzzRequest("POST", "/api/v1/customers", body, chunked, "1 MB"));
            assertThat(response.status()).as("chunked " + chunked).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void refusesDeepNestingAndHugeNumbersWith400() throws Exception {
        FuzzResponse nested = send("POST", "/api/v1/customers", "{\"name\":" + "[".repeat(5000));
        assertThat(nested.status()).isEqualTo(400);
        FuzzResponse number = send("POST", "/api/v1/customers", "{\"name\":" + "9".repeat(5000) + "}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.contentType()).startsWith("application/problem+json");
    }

    static Stream<Arguments> hostileCursors() {
        return Stream.of(
                Arguments.of("created", "customers.created|+300000-01-01T00:00:00Z"),
                Arguments.of("created", "customers.created|-290000-01-01T00:00:00Z"),
                Arguments.of("created", "customers.created|not-an-instant"),
                Arguments.of("name", "customers.name|ada\u0000lovelace"),
                Arguments.of("name", "customers.name|\u0000\u0000"),
                Arguments.of("name", "customers.name|" + "n".repeat(201)),
                // foreign: another sort's cursor, another list's cursor
                Arguments.of("created", "customers.name|ada"),
                Arguments.of("name", "customers.created|2026-01-01T00:00:00Z"),
                Arguments.of("created", "activities|2026-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("hostileCursors")
    void refusesTamperedForeignAndOutOfRangeCursorsWith400NamingCursor(String sort, String keyed) throws Exception {
        String cursor = Base64.getUrlEncoder().withoutPadding()
            .encodeToString((keyed + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        FuzzResponse response = send("GET", "/api/v1/customers?sort=" + sort + "&cursor=" + cursor, null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).containsExactly("cursor");
    }

    @Test
    void refusesAbsurdlyLongCursorsWith400() throws Exception {
        FuzzResponse response = send("GET", "/api/v1/customers?cursor=" + "A".repeat(5_000), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("cursor");
        // beyond Tomcat's request-line limit Tomcat itself refuses, still as a problem
        FuzzResponse huge = send("GET", "/api/v1/customers?cursor=" + "A".repeat(20_000), null);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void reportsANulInANameOnTheNameNotAsADuplicateEmail() throws Exception {
        FuzzResponse response = send("POST", "/api/v1/customers", """
                {"name":"Ada\\u0000Lovelace","email":"nul-%s@example.com"}""".formatted(UUID.randomUUID()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("name");
        assertThat(response.body()).doesNotContain("already exists");
    }

    @Test
    void refusesControlCharactersInQueryParametersNamingThem() throws Exception {
        FuzzResponse response = send("GET", "/api/v1/customers?q=ada%00&size=5", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("q");
    }

    @Test
    void answersTomcatsOwnRefusalsAsProblems() throws Exception {
        FuzzResponse response = send("GET", "/api/v1/customers/%2F..%2Fadmin", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyPooledConnectionCarriesTheStatementTimeout() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show statement_timeout")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("2500ms");
        }
    }

    @Test
    void answers503WithRetryAfterWhenAQueryOutrunsTheStatementTimeout() throws Exception {
        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            // another transaction holds the table: the list query waits until PostgreSQL cancels it
            statement.execute("lock table customer in access exclusive mode");
            long started = System.nanoTime();
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/customers"))
                .header("Authorization", "Bearer " + FuzzTokenConfiguration.ADMIN_TOKEN)
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            locker.rollback();

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(millis).isBetween(2_000L, 6_000L);
        }
    }

    @Test
    void answers503WithRetryAfterWhenThePoolHasNoConnectionInTime() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/customers/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + FuzzTokenConfiguration.ADMIN_TOKEN)
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private List<String> fields(FuzzResponse response) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json.readTree(response.body()).path("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }
}
