package org.opencrm.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PeriodTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheCurrentCalendarMonth() {
        assertThat(Period.parse(null, null, clock, "")).isEqualTo(new Period(Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void readsDatesAsUtcMidnightAndInstantsAsThemselves() {
        assertThat(Period.parse("2026-01-01", "2026-01-02T12:00:00Z", clock, "")).isEqualTo(new Period(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T12:00:00Z")));
    }

    @Test
    void refusesBadDatesEmptyPeriodsAndFarInstantsNamingTheField() {
        assertThatThrownBy(() -> Period.parse("2026-13-01", null, clock, "query."))
            .isInstanceOfSatisfying(InvalidReportException.class,
                    ex -> assertThat(ex.problems().get(0).field()).isEqualTo("query.from"));
        assertThatThrownBy(() -> Period.parse("2026-02-01", "2026-02-01", clock, ""))
            .isInstanceOfSatisfying(InvalidReportException.class,
                    ex -> assertThat(ex.problems().get(0).field()).isEqualTo("to"));
        assertThatThrownBy(() -> Period.parse("+300000-01-01T00:00:00Z", null, clock, ""))
            .isInstanceOf(InvalidReportException.class);
    }

    @Test
    void countsThePeriodsOfAGranularityAndRefusesTooMany() {
        Period december = Period.parse("2026-12-01", "2027-01-01", clock, "");
        assertThat(Granularity.DAY.periods(december, "groupBy")).isEqualTo(31);
        assertThat(Granularity.WEEK.periods(december, "groupBy")).isEqualTo(5); // Mondays Nov 30 … Dec 28
        assertThat(Granularity.MONTH.periods(december, "groupBy")).isEqualTo(1);
        assertThatThrownBy(() -> Granularity.DAY.periods(Period.parse("2000-01-01", "2026-01-01", clock, ""),
                "groupBy")).isInstanceOf(InvalidReportException.class);
    }
}
