package org.opencrm.customer.application;

import java.util.List;
import java.util.Objects;

/** What a user can set on a customer. */
public record CustomerDetails(String name, String email, String phone, String company, List<String> tags) {

    public CustomerDetails {
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
    }

    /** Without company and tags. */
    public CustomerDetails(String name, String email, String phone) {
        this(name, email, phone, null, List.of());
    }
}
