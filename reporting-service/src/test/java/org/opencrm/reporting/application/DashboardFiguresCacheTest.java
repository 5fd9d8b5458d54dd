package org.opencrm.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.opencrm.reporting.domain.DashboardFigures;
import org.opencrm.reporting.domain.Period;
import org.opencrm.reporting.domain.Viewer;

class DashboardFiguresCacheTest {

    private static final Period MONTH = new Period(Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z"));
    private static final Instant TONIGHT = Instant.parse("2026-12-03T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final DashboardFiguresCache cache = new DashboardFiguresCache(Duration.ofSeconds(15), nanos::get);
    private final AtomicInteger counted = new AtomicInteger();

    private DashboardFigures count() {
        return new DashboardFigures(counted.incrementAndGet(), 0, 0, List.of(), List.of(), 0, 0, 0);
    }

    @Test
    void keepsFiguresPerViewerUntilACountedDatasetChanges() {
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(1);
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(1);
        assertThat(cache.get(Viewer.onlyOf("sales-1"), MONTH, TONIGHT, this::count).customers()).isEqualTo(2);

        cache.changed(List.of("activities"));
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(1);

        cache.changed(List.of("leads", "payments"));
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(3);
        assertThat(cache.get(Viewer.onlyOf("sales-1"), MONTH, TONIGHT, this::count).customers()).isEqualTo(4);
    }

    @Test
    void countsAfreshForAnotherDay() {
        cache.get(Viewer.everything(), MONTH, TONIGHT, this::count);
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT.plusSeconds(86_400), this::count).customers())
            .isEqualTo(2);
    }

    @Test
    void keepsNothingCountedWhileAChangeCommitted() {
        DashboardFigures racing = cache.get(Viewer.everything(), MONTH, TONIGHT, () -> {
            cache.changed(List.of("customers"));
            return count();
        });
        assertThat(racing.customers()).isEqualTo(1);
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(2);
    }

    @Test
    void countsAfreshOnceTheFiguresAreOlderThanTheirTimeToLive() {
        cache.get(Viewer.everything(), MONTH, TONIGHT, this::count);
        nanos.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(1);
        // another instance applied a change this one never saw
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get(Viewer.everything(), MONTH, TONIGHT, this::count).customers()).isEqualTo(2);
    }
}
