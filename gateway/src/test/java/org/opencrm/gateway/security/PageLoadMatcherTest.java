package org.opencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class PageLoadMatcherTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserOpeningAPageIsAPageLoad() {
        assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.GET, accept(BROWSER_ACCEPT), "/"))
                .isTrue();
        assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.GET, accept(BROWSER_ACCEPT),
                "/customers/42")).isTrue();
    }

    @Test
    void apiCallsScriptsAndSecurityEndpointsAreNot() {
        assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.GET, accept(BROWSER_ACCEPT),
                "/api/v1/customers")).isFalse();
        assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.GET, accept("*/*"), "/")).isFalse();
        assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.GET, new HttpHeaders(), "/")).isFalse();
        assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.POST, accept(BROWSER_ACCEPT), "/"))
                .isFalse();
        for (String path : new String[] { "/oauth2/authorization/keycloak", "/login/oauth2/code/keycloak", "/logout",
                "/actuator/health", "/swagger-ui.html", "/v3/api-docs/customer-service", "/assets/app-1a2b.js" }) {
            assertThat(SecurityConfiguration.RequestMatchers.isPageLoad(HttpMethod.GET, accept(BROWSER_ACCEPT), path))
                    .as(path).isFalse();
        }
    }

    private static HttpHeaders accept(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, value);
        return headers;
    }
}
