package org.opencrm.platform.history;

import java.util.UUID;
import java.util.function.Consumer;

import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.web.PageResponse;

/**
 * One kind of record's field history as its API serves it: keyset pages, newest first, to whoever may read the
 * record. The service brings its own rule for that: {@code requireReadable} throws for a record the caller may not
 * read (its own read, answering 404 as it would for the record itself).
 */
public class RecordHistory {

    private final FieldHistoryReader reader;
    private final String aggregateType;
    private final Consumer<UUID> requireReadable;

    public RecordHistory(FieldHistoryReader reader, String aggregateType, Consumer<UUID> requireReadable) {
        this.reader = reader;
        this.aggregateType = aggregateType;
        this.requireReadable = requireReadable;
    }

    /** The page after {@code cursor}: a previous page's {@code nextCursor} (another list's is a 400), or null. */
    public PageResponse<FieldChange> page(UUID id, String cursor, int size) {
        PageCursor after = FieldHistoryReader.decodeCursor(cursor, aggregateType);
        requireReadable.accept(id);
        return PageResponse.of(reader.page(aggregateType, id, after, size), size,
                change -> FieldHistoryReader.cursorAfter(aggregateType, change), change -> change);
    }
}
