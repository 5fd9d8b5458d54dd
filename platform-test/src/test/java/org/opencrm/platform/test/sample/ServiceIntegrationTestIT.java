package org.opencrm.platform.test.sample;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.test.TestNamespace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
@AutoConfigureRestTestClient
@TestPropertySource(properties = "crm.project.root=target/test-classes/fixture-root")
class ServiceIntegrationTestIT {

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RestTestClient http;

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
    void namesTopicsForThisTestJvm() {
        assertThat(environment.getProperty("crm.events.topic-prefix")).isEqualTo(TestNamespace.topic(""))
                .startsWith("crm_test_platform_test_");
    }

    @Test
    void usesTheTestKafkaInsteadOfTheConfiguredOne() throws Exception {
        assertThat(kafka.getProducerFactory().getConfigurationProperties().get("bootstrap.servers").toString())
                .contains(TestInfrastructure.kafka().bootstrapServers());

        var sent = kafka.send("crm.platform-test." + UUID.randomUUID(), "key", "value").get();

        assertThat(sent.getRecordMetadata().offset()).isZero();
    }

    @Test
    void servesOnARandomPort() {
        assertThat(port).isNotEqualTo(8080);
        http.get().uri("/nothing-here").exchange().expectStatus().isNotFound();
    }
}
