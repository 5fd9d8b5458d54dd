package org.opencrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    private final RateLimitProperties properties = new RateLimitProperties(new RateLimitProperties.Limit(20, 40L, 1),
            Map.of("reporting-service", new RateLimitProperties.Limit(2, null, null)));

    @Test
    void routeOverridesOnlyWhatItSets() {
        assertThat(properties.forRoute("reporting-service")).isEqualTo(new RateLimitProperties.Limit(2, 40L, 1));
    }

    @Test
    void otherRoutesGetTheDefaults() {
        assertThat(properties.forRoute("customer-service")).isEqualTo(new RateLimitProperties.Limit(20, 40L, 1));
    }
}
