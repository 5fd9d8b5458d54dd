package org.opencrm.customer.api;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.opencrm.customer.application.CustomerDetails;

/** Body of a create; also the editable fields of an update. */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @Size(max = 200) String company,
        @Size(max = MAX_TAGS) List<@NotBlank @Size(max = MAX_TAG_LENGTH) @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags) {

    static final String PHONE = "^[+0-9 ()./-]*$";
    static final String PHONE_MESSAGE = "may contain only digits, spaces and + ( ) . / -";
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 40;
    // leading spaces are allowed here: the tags are stored trimmed
    static final String TAG = "^ *[\\p{L}\\p{N}][\\p{L}\\p{N} ._&+#/-]*$";
    static final String TAG_MESSAGE = "must start with a letter or digit and contain only letters, digits, spaces "
            + "and . _ & + # / -";

    public CustomerRequest(String name, String email, String phone) {
        this(name, email, phone, null, null);
    }

    CustomerDetails details() {
        return new CustomerDetails(name, email, phone, company, tags);
    }
}
