package org.opencrm.reporting.domain;

import java.util.Map;

/**
 * A checked widget query: its dataset, function (null: count), dimension, filter SQL and parameters, period, and
 * whether it groups or filters by owner.
 */
public record CompiledQuery(Dataset dataset, String function, String groupBy, String where,
        Map<String, Object> params, Period period, boolean byOwner) {

    public boolean money() {
        return function != null;
    }

    /** Grouped by owner: each row's key is a user id, labelled with the user's name. */
    public boolean labelled() {
        return "owner".equals(groupBy);
    }
}
