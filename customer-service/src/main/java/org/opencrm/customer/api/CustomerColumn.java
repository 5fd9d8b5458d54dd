package org.opencrm.customer.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a customer file: an export writes them under {@link #header}, an import finds them under any of
 * their names, in any case, spaces and punctuation aside ("E-mail address" is {@code emailaddress}), so a file from a
 * spreadsheet or another CRM imports as it is.
 */
enum CustomerColumn {

    NAME("Name", "name", "fullname", "customer", "customername", "contact", "contactname"),
    EMAIL("Email", "email", "emailaddress", "mail"),
    PHONE("Phone", "phone", "phonenumber", "telephone", "tel", "mobile"),
    COMPANY("Company", "company", "companyname", "organization", "organisation", "account"),
    TAGS("Tags", "tags", "tag", "labels"),
    OWNER("Owner", "owner", "ownername", "assignedto");

    /** What separates the tags of a cell: none of them may be part of a tag. */
    static final String TAG_SEPARATORS = "[,;|]";

    final String header;

    private final Set<String> names;

    CustomerColumn(String header, String... names) {
        this.header = header;
        this.names = Set.of(names);
    }

    static Optional<CustomerColumn> named(String header) {
        String key = header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        for (CustomerColumn column : values()) {
            if (column.names.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
