package org.opencrm.customer.domain;

/**
 * Which customers a list shows; every part optional.
 *
 * @param query a substring of name, email, phone or company (any case)
 * @param tag one label the customer carries
 * @param ownerId the owner's user id
 */
public record CustomerFilter(String query, String tag, String ownerId) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null);

    public CustomerFilter {
        query = blankToNull(query);
        tag = blankToNull(tag) == null ? null : Tags.normalise(tag);
        ownerId = blankToNull(ownerId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
