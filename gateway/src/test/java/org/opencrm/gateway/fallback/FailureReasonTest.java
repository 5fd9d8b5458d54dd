package org.opencrm.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;

class FailureReasonTest {

    @Test
    void namesTheCauseOfAFailedRoute() {
        assertThat(FailureReason.of(new TimeoutException())).isEqualTo(FailureReason.TIMEOUT);
        assertThat(FailureReason.of(NotFoundException.create(false, "no instance"))).isEqualTo(FailureReason.NO_INSTANCE);
        assertThat(FailureReason.of(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo(FailureReason.UNREACHABLE);
        CircuitBreaker open = CircuitBreaker.ofDefaults("x");
        open.transitionToOpenState();
        assertThat(FailureReason.of(CallNotPermittedException.createCallNotPermittedException(open)))
                .isEqualTo(FailureReason.CIRCUIT_OPEN);
        assertThat(FailureReason.of(null)).isEqualTo(FailureReason.ERROR);
    }
}
