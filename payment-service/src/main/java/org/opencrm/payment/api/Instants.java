package org.opencrm.payment.api;

import java.time.Instant;

import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;

/** Instants a timestamp column holds: Java reads years PostgreSQL refuses (+300000-01-01). */
final class Instants {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Instants() {
    }

    static Instant requireStorable(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, field, "must be between the years 1 and 9999");
        }
        return instant;
    }
}
