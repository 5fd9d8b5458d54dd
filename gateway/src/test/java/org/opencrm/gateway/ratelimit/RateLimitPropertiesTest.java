package org.opencrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    private final RateLimitProperties properties = new RateLimitProperties(new RateLimitProperties.Limit(20, 40L, 1),
            Map.of("reporting-service", new RateLimitProperties.Limit(2, null, null)),
            Map.of("crm-bench", new RateLimitProperties.Limit(50_000, 100_000L, null)),
            Map.of("bench", new RateLimitProperties.Limit(10_000, null, null)));

    @Test
    void routeOverridesOnlyWhatItSets() {
        assertThat(properties.forRoute("reporting-service")).isEqualTo(new RateLimitProperties.Limit(2, 40L, 1));
    }

    @Test
    void otherRoutesGetTheDefaults() {
        assertThat(properties.forRoute("customer-service")).isEqualTo(new RateLimitProperties.Limit(20, 40L, 1));
    }

    @Test
    void clientWithItsOwnLimitGetsItOnEveryRoute() {
        String name = properties.limitName("reporting-service", "crm-bench", "sales1");

        assertThat(name).isEqualTo("client:crm-bench");
        assertThat(properties.named(name)).isEqualTo(new RateLimitProperties.Limit(50_000, 100_000L, 1));
    }

    @Test
    void clientLimitWinsOverUserLimit() {
        assertThat(properties.limitName("customer-service", "crm-bench", "bench")).isEqualTo("client:crm-bench");
    }

    @Test
    void userWithItsOwnLimitGetsItWhateverTheClient() {
        String name = properties.limitName("customer-service", "crm-gateway", "bench");

        assertThat(name).isEqualTo("user:bench");
        assertThat(properties.named(name)).isEqualTo(new RateLimitProperties.Limit(10_000, 40L, 1));
    }

    @Test
    void otherCallersGetTheRouteLimit() {
        assertThat(properties.limitName("reporting-service", "crm-dev", "sales1")).isEqualTo("reporting-service");
        assertThat(properties.limitName("customer-service", null, null)).isEqualTo("customer-service");
        assertThat(properties.named("customer-service")).isEqualTo(new RateLimitProperties.Limit(20, 40L, 1));
    }

    @Test
    void namesEveryConfiguredLimitForTheRedisLimiter() {
        assertThat(properties.namedLimits()).containsOnlyKeys("reporting-service", "client:crm-bench", "user:bench");
    }

    @Test
    void aNameThatLooksLikeAClientButIsNoneIsARoute() {
        assertThat(properties.named("client:unknown")).isEqualTo(new RateLimitProperties.Limit(20, 40L, 1));
    }
}
