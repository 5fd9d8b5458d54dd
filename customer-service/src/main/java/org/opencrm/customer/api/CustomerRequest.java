package org.opencrm.customer.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.opencrm.customer.application.CustomerDetails;

/** Body of a create; also the editable fields of an update. */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = "^[+0-9 ()./-]*$", message = "may contain only digits, spaces and + ( ) . / -")
        String phone) {

    CustomerDetails details() {
        return new CustomerDetails(name, email, phone);
    }
}
