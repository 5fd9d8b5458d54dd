package org.opencrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenLeasesTest {

    private static final String REMAINING = "X-RateLimit-Remaining";

    private final AtomicLong now = new AtomicLong();

    private final TokenLeases leases = new TokenLeases(100, now::get);

    @Test
    void limitsBelowTwoHundredASecondAreCountedRequestByRequest() {
        assertThat(TokenLeases.size(new RateLimitProperties.Limit(20, 40L, 1))).isEqualTo(1);
        assertThat(TokenLeases.size(new RateLimitProperties.Limit(199, 400L, 1))).isEqualTo(1);
    }

    @Test
    void aLeaseIsOnePercentOfASecondsRateAndNeverMoreThanTheBurst() {
        assertThat(TokenLeases.size(new RateLimitProperties.Limit(100_000, 200_000L, 1))).isEqualTo(1_000);
        assertThat(TokenLeases.size(new RateLimitProperties.Limit(100_000, 300L, 1))).isEqualTo(300);
        assertThat(TokenLeases.size(new RateLimitProperties.Limit(100_000, 300L, 3))).isEqualTo(100);
    }

    @Test
    void theLeaseLimitTakesTheSameBucketsTokensForAllItsRequestsAtOnce() {
        RateLimitProperties.Limit lease = TokenLeases.leaseLimit(new RateLimitProperties.Limit(1_000, 2_000L, 2));

        assertThat(lease).isEqualTo(new RateLimitProperties.Limit(1_000, 2_000L, 20));
        assertThat(TokenLeases.leaseName("client:crm-bench")).isEqualTo("client:crm-bench#lease");
    }

    @Test
    void servesTheRestOfALeaseThenNothing() {
        leases.start("k", 3, Map.of(REMAINING, "100"), REMAINING);

        assertThat(leases.take("k")).containsEntry(REMAINING, "101");
        assertThat(leases.take("k")).containsEntry(REMAINING, "100");
        assertThat(leases.take("k")).isNull();
    }

    @Test
    void aLeaseEndsAfterItsLifetime() {
        leases.start("k", 10, Map.of(REMAINING, "0"), REMAINING);
        now.addAndGet(TokenLeases.LIFETIME.plus(Duration.ofMillis(1)).toNanos());

        assertThat(leases.take("k")).isNull();
    }

    @Test
    void keepsOneLeasePerKey() {
        leases.start("a", 2, Map.of(REMAINING, "0"), REMAINING);

        assertThat(leases.take("b")).isNull();
        assertThat(leases.take("a")).isNotNull();
    }
}
