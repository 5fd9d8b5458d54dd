package org.opencrm.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencrm.platform.web.PageResponse;

class PageCursorTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void survivesARoundTripEvenWithTheSeparatorInTheKey() {
        PageCursor cursor = new PageCursor("people.name", "smith | jones", ID);
        assertThat(PageCursor.decode(cursor.encode(), "people.name")).isEqualTo(cursor);
    }

    @Test
    void treatsAMissingCursorAsTheFirstPage() {
        assertThat(PageCursor.decode(null, "people")).isNull();
        assertThat(PageCursor.decode(" ", "people")).isNull();
    }

    @Test
    void rejectsForeignText() {
        assertThatThrownBy(() -> PageCursor.decode("not base64!", "people")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> PageCursor.decode(new PageCursor("people", "x", ID).encode().substring(3), "people"))
            .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> new PageCursor("people", "ada", ID).instantKey())
            .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void rejectsACursorOfAnotherListOrSort() {
        String byName = new PageCursor("people.name", "ada", ID).encode();
        assertThatThrownBy(() -> PageCursor.decode(byName, "people.created"))
            .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> PageCursor.decode(byName, "people")).isInstanceOf(InvalidCursorException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+300000-01-01T00:00:00Z", "-290000-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
            "-0001-12-31T00:00:00Z" })
    void rejectsInstantsNoTimestampColumnHolds(String instant) {
        PageCursor cursor = PageCursor.decode(new PageCursor("people", instant, ID).encode(), "people");
        assertThatThrownBy(cursor::instantKey).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void readsDecimalKeysAndRejectsWhatIsNoPlainDecimal() {
        assertThat(new PageCursor("deals.value", "12500.50", ID).decimalKey()).isEqualByComparingTo("12500.5");
        for (String key : List.of("NaN", "1e999999999", "12,5", "x", "1".repeat(41))) {
            assertThatThrownBy(() -> new PageCursor("deals.value", key, ID).decimalKey()).as(key)
                .isInstanceOf(InvalidCursorException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "\u0001", "x\u007f" })
    void rejectsKeysWithControlCharacters(String key) {
        String encoded = Base64.getUrlEncoder()
            .encodeToString(("people|" + key + "|" + ID).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PageCursor.decode(encoded, "people")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void rejectsKeysThatAreNoUtf8() {
        byte[] bytes = ("people|x\u0000|" + ID).getBytes(StandardCharsets.UTF_8);
        bytes[7] = (byte) 0xC3; // a lead byte without its continuation
        String encoded = Base64.getUrlEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> PageCursor.decode(encoded, "people")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void rejectsAbsurdLengths() {
        assertThatThrownBy(() -> PageCursor.decode("A".repeat(PageCursor.MAX_ENCODED_LENGTH + 1), "people"))
            .isInstanceOf(InvalidCursorException.class);
        PageCursor longKey = PageCursor.decode(new PageCursor("people", "n".repeat(300), ID).encode(), "people");
        assertThatThrownBy(() -> longKey.textKey(200)).isInstanceOf(InvalidCursorException.class);
        assertThat(longKey.textKey(300)).hasSize(300);
    }

    @Test
    void pageCarriesACursorOnlyWhenAnExtraRowWasRead() {
        Instant now = Instant.now();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        PageResponse<String> full = PageResponse.of(ids, 2, id -> new PageCursor("people", now.toString(), id),
                UUID::toString);
        assertThat(full.items()).hasSize(2);
        assertThat(PageCursor.decode(full.nextCursor(), "people").id()).isEqualTo(ids.get(1));
        PageResponse<String> last = PageResponse.of(ids, 3, id -> new PageCursor("people", now.toString(), id),
                UUID::toString);
        assertThat(last.items()).hasSize(3);
        assertThat(last.nextCursor()).isNull();
    }
}
