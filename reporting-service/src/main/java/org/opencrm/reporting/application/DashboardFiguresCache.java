package org.opencrm.reporting.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.opencrm.reporting.config.ReportingProperties;
import org.opencrm.reporting.domain.DashboardFigures;
import org.opencrm.reporting.domain.Period;
import org.opencrm.reporting.domain.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The headline figures per viewer, period and day, kept until a read model they count changes: a dashboard is opened
 * far more often than its facts change, and counting a million facts takes tens of milliseconds every time. Figures
 * counted while a change committed are not kept, so what is kept is never older than the last change this instance
 * applied. Another instance applies the events of its own partitions, so figures are also kept at most
 * {@code crm.reports.dashboard-figures-ttl}.
 */
@Component
public class DashboardFiguresCache {

    /** The datasets the figures count; activities change none. */
    static final Set<String> DATASETS = Set.of("customers", "leads", "payments", "follow-ups");

    private static final int MAX_ENTRIES = 10_000;

    private record Key(Viewer viewer, Period period, Instant endOfToday) {
    }

    private final Cache<Key, DashboardFigures> figures;
    private final AtomicLong changes = new AtomicLong();

    @Autowired
    public DashboardFiguresCache(ReportingProperties properties) {
        this(properties.dashboardFiguresTtl(), Ticker.systemTicker());
    }

    DashboardFiguresCache(Duration ttl, Ticker ticker) {
        this.figures = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).ticker(ticker).build();
    }

    public DashboardFigures get(Viewer viewer, Period period, Instant endOfToday, Supplier<DashboardFigures> count) {
        Key key = new Key(viewer, period, endOfToday);
        DashboardFigures kept = figures.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long before = changes.get();
        DashboardFigures counted = count.get();
        if (changes.get() == before) {
            figures.put(key, counted);
            // a change that committed while storing: drop what may predate it
            if (changes.get() != before) {
                figures.asMap().remove(key, counted);
            }
        }
        return counted;
    }

    /** Called after a read model's transaction committed, with the datasets it changed. */
    public void changed(Collection<String> datasets) {
        if (datasets.stream().anyMatch(DATASETS::contains)) {
            changes.incrementAndGet();
            figures.invalidateAll();
        }
    }
}
