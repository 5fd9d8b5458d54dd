package org.opencrm.reporting.domain;

/** A share, null when there is nothing to share. */
public final class Rates {

    private Rates() {
    }

    public static Double of(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
