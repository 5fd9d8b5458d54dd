package org.opencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class PageCursorTest {

    @Test
    void survivesARoundTripEvenWithTheSeparatorInTheKey() {
        PageCursor cursor = new PageCursor("smith | jones", UUID.randomUUID());
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void treatsAMissingCursorAsTheFirstPage() {
        assertThat(PageCursor.decode(null)).isNull();
        assertThat(PageCursor.decode(" ")).isNull();
    }

    @Test
    void rejectsForeignTextWith400() {
        assertThatThrownBy(() -> PageCursor.decode("not base64!")).isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> PageCursor.decode(new PageCursor("x", UUID.randomUUID()).encode().substring(3)))
            .isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> new PageCursor("ada", UUID.randomUUID()).instantKey())
            .isInstanceOf(ResponseStatusException.class);
    }

    @Test
    void pageCarriesACursorOnlyWhenAnExtraRowWasRead() {
        Instant now = Instant.now();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        PageResponse<String> full = PageResponse.of(ids, 2, id -> new PageCursor(now.toString(), id), UUID::toString);
        assertThat(full.items()).hasSize(2);
        assertThat(PageCursor.decode(full.nextCursor()).id()).isEqualTo(ids.get(1));
        PageResponse<String> last = PageResponse.of(ids, 3, id -> new PageCursor(now.toString(), id), UUID::toString);
        assertThat(last.items()).hasSize(3);
        assertThat(last.nextCursor()).isNull();
    }
}
