package org.opencrm.customer.application;

/**
 * How many customers a list's search and filters match: exact up to {@link #CAP}; beyond it {@code capped} and the cap
 * ("more than 10,000"), as counting every match of a common term among millions would cost what no list is worth.
 */
public record CustomerCount(long count, boolean capped) {

    public static final int CAP = 10_000;

    /** From a count taken up to the cap and one more. */
    static CustomerCount of(long countedUpToOneBeyondCap) {
        return countedUpToOneBeyondCap > CAP ? new CustomerCount(CAP, true)
                : new CustomerCount(countedUpToOneBeyondCap, false);
    }
}
