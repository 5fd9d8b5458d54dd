package org.opencrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void waitsUntilTheMissingTokensAreBack() {
        assertThat(RetryAfter.seconds(1, 60, 0)).isEqualTo(60);
        assertThat(RetryAfter.seconds(1, 60, 59)).isEqualTo(1);
        assertThat(RetryAfter.seconds(10, 25, 0)).isEqualTo(3); // 2.5 s rounds up
    }

    @Test
    void neverAnswersLessThanOneSecond() {
        assertThat(RetryAfter.seconds(20, 1, 0)).isEqualTo(1);
        assertThat(RetryAfter.seconds(20, 1, 5)).isEqualTo(1);
    }

    @Test
    void treatsUnknownBucketStateAsEmpty() {
        assertThat(RetryAfter.seconds(2, 10, -1)).isEqualTo(5);
    }
}
