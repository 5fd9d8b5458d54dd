package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.fuzz.FuzzRequest;
import org.opencrm.platform.test.fuzz.FuzzTokenConfiguration;
import org.opencrm.platform.test.fuzz.HttpFuzzTransport;
import org.opencrm.platform.test.fuzz.OpenApiFuzzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** Every operation of the customer API, walked from its OpenAPI document with hostile input over real HTTP. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
@Import(FuzzTokenConfiguration.class)
class CustomerApiFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void noOperationAnswersHostileInputWithA5xx() throws Exception {
        HttpFuzzTransport http = new HttpFuzzTransport("http://127.0.0.1:" + port,
                () -> Map.of("Authorization", "Bearer " + FuzzTokenConfiguration.ADMIN_TOKEN));
        for (int i = 0; i < 2; i++) { // so that every list has a second page, and the walker a real cursor
            http.send(new FuzzRequest("POST", "/api/v1/customers", """
                    {"name":"Fuzz %d","email":"fuzz-%s@example.com"}""".formatted(i, UUID.randomUUID()).getBytes(),
                    false, "seed"));
        }
        var document = json.readTree(http.send(new FuzzRequest("GET", "/v3/api-docs", null, false, "doc")).body());

        OpenApiFuzzer fuzzer = new OpenApiFuzzer(document, http);
        List<String> failures = fuzzer.run();

        assertThat(failures).isEmpty();
        assertThat(fuzzer.sent()).isGreaterThan(200);
    }
}
