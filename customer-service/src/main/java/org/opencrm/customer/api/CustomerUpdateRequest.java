package org.opencrm.customer.api;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.opencrm.customer.application.CustomerDetails;

/**
 * Body of an update. {@code version} is the one the client read: a change made meanwhile by someone else is a 409
 * instead of a silent overwrite. {@code company} and {@code tags} left out are cleared, as every field is.
 */
public record CustomerUpdateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = CustomerRequest.PHONE, message = CustomerRequest.PHONE_MESSAGE) String phone,
        @Size(max = 200) String company,
        @Size(max = CustomerRequest.MAX_TAGS) List<@NotBlank @Size(max = CustomerRequest.MAX_TAG_LENGTH)
                @Pattern(regexp = CustomerRequest.TAG, message = CustomerRequest.TAG_MESSAGE) String> tags,
        @NotNull Long version) {

    CustomerDetails details() {
        return new CustomerDetails(name, email, phone, company, tags);
    }
}
