package org.opencrm.platform.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a record's field history: a field that changed (old and new value as text), or the record's creation,
 * deletion or restoration ({@code field} is then {@link FieldHistory#CREATED}, {@link FieldHistory#DELETED} or
 * {@link FieldHistory#RESTORED}, without values).
 *
 * @param actorKind {@code user}, {@code client} (a partner's client credentials) or {@code system} (jobs, demo data)
 * @param traceId the trace of the request that made the change, to find it in the logs; null outside a trace
 */
public record FieldChange(UUID id, Instant changedAt, String actorId, String actorName, String actorKind,
        String traceId, String field, String oldValue, String newValue) {
}
