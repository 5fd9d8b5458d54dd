package org.opencrm.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.history.Snapshots.Change;

class SnapshotsTest {

    enum Kind { A, B }

    record Facts(String name, BigDecimal amount, Kind kind, List<String> tags, Instant due) {
    }

    @Test
    void comparesTheTextPeopleReadComponentByComponent() {
        Facts before = new Facts("Ada", new BigDecimal("1.50"), Kind.A, List.of("x"), null);
        Facts after = new Facts("Ada", new BigDecimal("1.5"), Kind.B, List.of("x", "y"),
                Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(Snapshots.diff(before, after)).containsExactly(
                new Change("amount", "1.50", "1.5"),
                new Change("kind", "A", "B"),
                new Change("tags", "x", "x, y"),
                new Change("due", null, "2026-12-01T10:00:00Z"));
    }

    @Test
    void treatsAnEmptyCollectionAsNoValue() {
        assertThat(Snapshots.diff(new Facts("a", null, null, List.of(), null),
                new Facts("a", null, null, null, null))).isEmpty();
        assertThat(FieldValues.text(Arrays.asList("x", null, "y"))).isEqualTo("x, y");
    }

    @Test
    void givesTheEntriesOfOneChangeIdsThatDescendInComponentOrder() {
        UUID base = UUID.randomUUID();
        List<UUID> ids = List.of(FieldHistory.idOf(base, 0, 3), FieldHistory.idOf(base, 1, 3),
                FieldHistory.idOf(base, 2, 3));

        // PostgreSQL orders uuids by their bytes, unsigned: compare the same way
        assertThat(ids).isSortedAccordingTo((a, b) -> unsigned(b).compareTo(unsigned(a)));
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
    }

    private static String unsigned(UUID id) {
        return id.toString();
    }
}
