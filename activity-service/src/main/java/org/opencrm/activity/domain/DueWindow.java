package org.opencrm.activity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The "My follow-ups" sections, in the user's time zone, without overlap: each open follow-up is in at most one.
 * {@code OVERDUE}: due before now; {@code TODAY}: due from now until midnight; {@code WEEK}: due after today, within
 * the seven days that start today.
 */
public enum DueWindow {
    OVERDUE, TODAY, WEEK;

    /** From (inclusive, null: unbounded) and before (exclusive). */
    public record Range(Instant from, Instant before) {
    }

    public Range range(Instant now, ZoneId zone) {
        ZonedDateTime startOfToday = now.atZone(zone).toLocalDate().atStartOfDay(zone);
        Instant startOfTomorrow = startOfToday.plusDays(1).toInstant();
        return switch (this) {
            case OVERDUE -> new Range(null, now);
            case TODAY -> new Range(now, startOfTomorrow);
            case WEEK -> new Range(startOfTomorrow, startOfToday.plusDays(7).toInstant());
        };
    }
}
