package org.opencrm.activity.api;

import java.util.ArrayList;
import java.util.List;

import org.opencrm.activity.domain.TimelineKind;

/** The {@code kind} parameter of the timeline and the feed: kinds separated by commas, each one known. */
final class TimelineKinds {

    private TimelineKinds() {
    }

    /** The kinds listed (none: every kind); a kind nobody knows is a 400 naming the parameter. */
    static List<String> parse(String kind) {
        List<String> kinds = new ArrayList<>();
        if (kind == null || kind.isBlank()) {
            return kinds;
        }
        for (String each : kind.split(",")) {
            String trimmed = each.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!TimelineKind.isKnown(trimmed)) {
                throw new BadParameterException("kind", "must list kinds among " + String.join(", ", TimelineKind.ALL));
            }
            kinds.add(trimmed);
        }
        return kinds;
    }
}
