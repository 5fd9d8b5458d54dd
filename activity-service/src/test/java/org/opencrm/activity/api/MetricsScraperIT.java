package org.opencrm.activity.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Prometheus scraper as the Helm chart's ServiceMonitors configure it: a token Keycloak issues to the realm's
 * crm-metrics client (client credentials) reads {@code /actuator/prometheus}, and nothing of the API.
 */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
class MetricsScraperIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theScrapersTokenReadsTheMetricsAndNoData() throws Exception {
        String token = TestInfrastructure.keycloak().clientCredentialsToken("crm-metrics", "crm-metrics-dev-secret");

        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("crm_outbox_oldest_unpublished_age_seconds")));
        mvc.perform(get("/api/v1/follow-ups").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }
}
