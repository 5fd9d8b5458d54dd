package org.opencrm.reporting.domain;

import java.util.Map;

/**
 * A checked widget query: its dataset, function (null: count), dimension, filter SQL over the facts and over the kept
 * counts (each condition starting with {@code and}) and parameters, period, whether it groups or filters by owner and
 * by tag, and whether the kept counts answer its grouping and filters alike.
 */
public record CompiledQuery(Dataset dataset, String function, String groupBy, String where, String keptWhere,
        Map<String, Object> params, Period period, boolean byOwner, boolean byTag, boolean keptColumnsOnly) {

    public boolean money() {
        return function != null;
    }

    /** Grouped by owner: each row's key is a user id, labelled with the user's name. */
    public boolean labelled() {
        return "owner".equals(groupBy);
    }
}
