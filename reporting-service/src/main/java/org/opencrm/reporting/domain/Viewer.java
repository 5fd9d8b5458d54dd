package org.opencrm.reporting.domain;

import java.util.Optional;

/**
 * Whose numbers a statistic counts: everything, or only the records of one sales user (the permission table's
 * {@code own-records}): leads assigned to them, payments of customers they own or of leads assigned to them,
 * follow-ups assigned to them or on their leads, activities not about another's lead.
 */
public record Viewer(Optional<String> ownerOnly) {

    public static Viewer everything() {
        return new Viewer(Optional.empty());
    }

    public static Viewer onlyOf(String userId) {
        return new Viewer(Optional.of(userId));
    }

    public boolean limited() {
        return ownerOnly.isPresent();
    }

    public String userId() {
        return ownerOnly.orElseThrow();
    }
}
