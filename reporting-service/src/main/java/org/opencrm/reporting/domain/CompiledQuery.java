package org.opencrm.reporting.domain;

import java.util.Map;

/** A checked widget query: its dataset, function (null: count), dimension, filter SQL and parameters, period. */
public record CompiledQuery(Dataset dataset, String function, String groupBy, String where,
        Map<String, Object> params, Period period) {

    public boolean money() {
        return function != null;
    }
}
