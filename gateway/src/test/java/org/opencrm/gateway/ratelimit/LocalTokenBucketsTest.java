package org.opencrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LocalTokenBucketsTest {

    private static final RateLimitProperties.Limit TWO_A_SECOND_BURST_FOUR = new RateLimitProperties.Limit(2, 4L, 1);

    private final AtomicLong now = new AtomicLong();

    private final LocalTokenBuckets buckets = new LocalTokenBuckets(100, Duration.ofMinutes(1), now::get);

    @Test
    void allowsTheBurstThenRefusesWithTheSecondsUntilATokenIsBack() {
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.tryConsume("a", TWO_A_SECOND_BURST_FOUR)).isZero();
        }
        assertThat(buckets.tryConsume("a", TWO_A_SECOND_BURST_FOUR)).isEqualTo(1);
    }

    @Test
    void refillsAtTheReplenishRate() {
        for (int i = 0; i < 4; i++) {
            buckets.tryConsume("a", TWO_A_SECOND_BURST_FOUR);
        }
        now.addAndGet(Duration.ofMillis(500).toNanos());

        assertThat(buckets.tryConsume("a", TWO_A_SECOND_BURST_FOUR)).isZero();
        assertThat(buckets.tryConsume("a", TWO_A_SECOND_BURST_FOUR)).isEqualTo(1);
    }

    @Test
    void keepsOneBucketPerKey() {
        for (int i = 0; i < 4; i++) {
            buckets.tryConsume("a", TWO_A_SECOND_BURST_FOUR);
        }

        assertThat(buckets.tryConsume("b", TWO_A_SECOND_BURST_FOUR)).isZero();
    }

    @Test
    void answersRetryAfterForRequestsCostingSeveralTokens() {
        RateLimitProperties.Limit oneAMinute = new RateLimitProperties.Limit(1, 60L, 60);

        assertThat(buckets.tryConsume("a", oneAMinute)).isZero();
        assertThat(buckets.tryConsume("a", oneAMinute)).isEqualTo(60);
    }
}
