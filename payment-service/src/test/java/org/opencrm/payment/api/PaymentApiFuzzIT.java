package org.opencrm.payment.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.payment.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.fuzz.FuzzRequest;
import org.opencrm.platform.test.fuzz.FuzzTokenConfiguration;
import org.opencrm.platform.test.fuzz.HttpFuzzTransport;
import org.opencrm.platform.test.fuzz.OpenApiFuzzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** Every operation of the payment API, walked from its OpenAPI document with hostile input over real HTTP. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
@Import(FuzzTokenConfiguration.class)
class PaymentApiFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noOperationAnswersHostileInputWithA5xx() throws Exception {
        HttpFuzzTransport http = new HttpFuzzTransport("http://127.0.0.1:" + port,
                () -> Map.of("Authorization", "Bearer " + FuzzTokenConfiguration.ADMIN_TOKEN));
        UUID customer = new Fixtures(jdbc).customer("Fuzz Ltd", "fuzz-admin");
        for (int i = 0; i < 2; i++) { // so that every list has a second page, and the walker a real cursor
            http.send(new FuzzRequest("POST", "/api/v1/payments", """
                    {"customerId":"%s","amount":"1.00","currency":"EUR","method":"CARD"}""".formatted(customer)
                .getBytes(), false, "seed"));
        }
        var document = json.readTree(http.send(new FuzzRequest("GET", "/v3/api-docs", null, false, "doc")).body());
        // the provider's webhook checks its signature before it reads a byte of the body: the walker finds that it
        // refuses the walk's caller and expects a 401 problem there; ProviderEventsIT covers its signed bad input
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(document, http);
        List<String> failures = fuzzer.run();

        assertThat(failures).isEmpty();
        assertThat(fuzzer.sent()).isGreaterThan(100);
    }
}
