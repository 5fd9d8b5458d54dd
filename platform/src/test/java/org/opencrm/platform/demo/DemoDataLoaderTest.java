package org.opencrm.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DemoDataLoaderTest {

    private final DemoDataLoader loader = new DemoDataLoader("things", "parts", Duration.ofMillis(5), 20);

    @Test
    void loadsOnceWhatItBuildsOnStoppedGrowing() {
        Iterator<Long> counts = List.of(0L, 0L, 3L, 7L, 7L).iterator();
        AtomicInteger seenWhenLoading = new AtomicInteger(-1);
        AtomicInteger loads = new AtomicInteger();

        Thread thread = loader.startWhenSettled(() -> counts.hasNext() ? counts.next() : 99L, () -> {
            seenWhenLoading.set(counts.hasNext() ? -2 : 7);
            return loads.incrementAndGet();
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
        assertThat(loads).hasValue(1);
        assertThat(seenWhenLoading).as("loaded right after the second count of 7").hasValue(7);
        assertThat(thread.isDaemon()).as("never keeps the JVM from stopping").isTrue();
    }

    @Test
    void givesUpWhenNothingArrives() {
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger loads = new AtomicInteger();

        Thread thread = loader.startWhenSettled(() -> {
            counted.incrementAndGet();
            return 0;
        }, loads::incrementAndGet);

        await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
        assertThat(counted).hasValue(20);
        assertThat(loads).hasValue(0);
    }

    @Test
    void aFailedLoadEndsTheThreadQuietly() {
        AtomicInteger loads = new AtomicInteger();

        Thread thread = loader.startWhenSettled(() -> 5, () -> {
            loads.incrementAndGet();
            throw new IllegalStateException("the directory is away");
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
        assertThat(loads).as("not retried").hasValue(1);
    }
}
