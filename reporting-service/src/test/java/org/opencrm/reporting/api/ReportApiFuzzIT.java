package org.opencrm.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.fuzz.FuzzRequest;
import org.opencrm.platform.test.fuzz.HttpFuzzTransport;
import org.opencrm.platform.test.fuzz.OpenApiFuzzer;
import org.opencrm.reporting.support.Api;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the reporting API, walked from its OpenAPI document with hostile input over real HTTP, as the
 * demo admin (a real Keycloak token: the context stays the one every reporting IT shares).
 */
@ReportingIntegrationTest
class ReportApiFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void noOperationAnswersHostileInputWithA5xx() throws Exception {
        Api.Caller admin = Api.signIn("admin");
        HttpFuzzTransport http = new HttpFuzzTransport("http://127.0.0.1:" + port,
                () -> Map.of("Authorization", "Bearer " + admin.token()));
        var document = json.readTree(http.send(new FuzzRequest("GET", "/v3/api-docs", null, false, "doc")).body());
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(document, http);
        List<String> failures = fuzzer.run();

        assertThat(failures).isEmpty();
        assertThat(fuzzer.sent()).isGreaterThan(100);
    }
}
