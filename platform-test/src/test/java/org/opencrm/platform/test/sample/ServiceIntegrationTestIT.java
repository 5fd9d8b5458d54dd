package org.opencrm.platform.test.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
@TestPropertySource(properties = "crm.project.root=target/test-classes/fixture-root")
class ServiceIntegrationTestIT {

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @LocalServerPort
    int port;

    @Test
    void runsWithTheConfigurationTheConfigServerServes() {
        assertThat(environment.getProperty("crm.sample.shared")).isEqualTo("from-config-repo");
        assertThat(environment.getProperty("crm.sample.service")).isEqualTo("from-service-file");
        assertThat(environment.getProperty("crm.sample.own")).isEqualTo("from-application-yml");
        assertThat(environment.getProperty("crm.sample.overridden")).isEqualTo("from-config-repo");
    }

    @Test
    void usesTheTestPostgresInsteadOfTheConfiguredOne() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo(TestInfrastructure.postgres().jdbcUrl());
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("15.");
        }
    }

    @Test
    void usesTheTestKafkaInsteadOfTheConfiguredOne() throws Exception {
        var sent = kafka.send("crm.platform-test." + UUID.randomUUID(), "key", "value").get();

        assertThat(sent.getRecordMetadata().offset()).isZero();
    }

    @Test
    void servesOnARandomPort() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nothing-here")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(port).isNotEqualTo(8080);
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
