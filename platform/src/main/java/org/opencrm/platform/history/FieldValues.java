package org.opencrm.platform.history;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/** How a snapshot's values are stored: as the text people read, so that any field type fits one column. */
final class FieldValues {

    private FieldValues() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Collection<?> values) {
            // tags and the like: an empty collection is no value, like null
            String joined = values.stream().filter(Objects::nonNull).map(FieldValues::text)
                .collect(Collectors.joining(", "));
            return joined.isEmpty() ? null : joined;
        }
        return value.toString();
    }
}
