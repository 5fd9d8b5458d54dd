package org.opencrm.gateway.fallback;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.support.NotFoundException;

/** Why a route's call failed, in words a support engineer can act on. */
enum FailureReason {

    TIMEOUT("timeout"), CIRCUIT_OPEN("circuit-open"), NO_INSTANCE("no-instance"), UNREACHABLE("unreachable"),
    ERROR("error");

    private final String code;

    FailureReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static FailureReason of(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof CallNotPermittedException) {
                return CIRCUIT_OPEN;
            }
            if (t instanceof NotFoundException) {
                return NO_INSTANCE;
            }
            if (t instanceof ConnectException) {
                return UNREACHABLE;
            }
        }
        return ERROR;
    }
}
