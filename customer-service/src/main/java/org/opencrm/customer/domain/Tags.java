package org.opencrm.customer.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** A customer's labels as stored: trimmed, lower case, each once, sorted (so equal sets compare and diff equal). */
public final class Tags {

    private Tags() {
    }

    public static List<String> normalise(Collection<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> normalised = new TreeSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                normalised.add(normalise(tag));
            }
        }
        return List.copyOf(normalised);
    }

    public static String normalise(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
