package org.opencrm.platform.web;

import java.util.List;
import java.util.function.Function;

import org.opencrm.platform.paging.PageCursor;

/**
 * One page of a list; {@code nextCursor} is absent on the last page, otherwise pass it back as {@code cursor}.
 */
public record PageResponse<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from rows read with one extra row beyond {@code size}: that extra row only tells whether a
     * next page exists.
     */
    public static <R, T> PageResponse<T> of(List<R> rowsPlusOne, int size, Function<R, PageCursor> cursorOf,
            Function<R, T> toItem) {
        boolean more = rowsPlusOne.size() > size;
        List<R> rows = more ? rowsPlusOne.subList(0, size) : rowsPlusOne;
        String next = more ? cursorOf.apply(rows.get(size - 1)).encode() : null;
        return new PageResponse<>(rows.stream().map(toItem).toList(), next);
    }
}
