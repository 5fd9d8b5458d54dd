package org.opencrm.reporting.domain;

import java.util.Map;

/**
 * A checked widget query: its dataset, function (null: count), dimension, filter SQL (each condition starting with
 * {@code and}) and parameters, period, whether it groups or filters by owner, and whether it groups and filters only
 * by columns the kept counts have.
 */
public record CompiledQuery(Dataset dataset, String function, String groupBy, String where,
        Map<String, Object> params, Period period, boolean byOwner, boolean keptColumnsOnly) {

    public boolean money() {
        return function != null;
    }

    /** Grouped by owner: each row's key is a user id, labelled with the user's name. */
    public boolean labelled() {
        return "owner".equals(groupBy);
    }
}
