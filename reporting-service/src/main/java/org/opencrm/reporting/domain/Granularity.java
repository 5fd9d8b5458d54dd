package org.opencrm.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.Locale;

/** A time dimension: periods start at UTC midnight, on Mondays (ISO weeks, as PostgreSQL's date_trunc) or the 1st. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The most periods a series may have: a day-by-day series over more than ~3 years is not a chart. */
    public static final int MAX_PERIODS = 1100;

    public static Granularity parse(String value, String field) {
        if (value != null) {
            for (Granularity granularity : values()) {
                if (granularity.sqlUnit().equals(value)) {
                    return granularity;
                }
            }
        }
        throw new InvalidReportException(field, "must be one of day, week, month");
    }

    public String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LocalDate start(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** How many periods from..to touches; refuses (naming {@code field}) more than {@link #MAX_PERIODS}. */
    public long periods(Period period, String field) {
        LocalDate first = start(period.from());
        LocalDate last = start(period.to().minusNanos(1000));
        long count = switch (this) {
            case DAY -> ChronoUnit.DAYS.between(first, last);
            case WEEK -> ChronoUnit.WEEKS.between(first, last);
            case MONTH -> ChronoUnit.MONTHS.between(first, last);
        } + 1;
        if (count > MAX_PERIODS) {
            throw new InvalidReportException(field, "spans " + count + " periods of a " + sqlUnit() + "; at most "
                    + MAX_PERIODS);
        }
        return count;
    }
}
