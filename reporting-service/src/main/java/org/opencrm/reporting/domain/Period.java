package org.opencrm.reporting.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** From (inclusive) to (exclusive); written as ISO dates (UTC midnight) or instants, by default the current month. */
public record Period(Instant from, Instant to) {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /** Parses {@code from}/{@code to} (either may be absent), naming {@code prefix + "from"} etc. when refused. */
    public static Period parse(String from, String to, Clock clock, String prefix) {
        LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        Instant start = from == null || from.isBlank() ? month.atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant(from, prefix + "from");
        Instant end = to == null || to.isBlank() ? month.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant(to, prefix + "to");
        if (!end.isAfter(start)) {
            throw new InvalidReportException(prefix + "to", "must be after from");
        }
        return new Period(start, end);
    }

    /** From and to are UTC midnights: whole days, as the kept counts have them. */
    public boolean wholeDays() {
        return midnight(from) && midnight(to);
    }

    private static boolean midnight(Instant instant) {
        return instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), 86_400L) == 0;
    }

    private static Instant instant(String text, String field) {
        Instant instant;
        try {
            instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw new InvalidReportException(field, "must be an ISO date (2026-12-01) or instant (2026-12-01T00:00:00Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidReportException(field, "must lie between 1970 and 9999");
        }
        return instant;
    }
}
