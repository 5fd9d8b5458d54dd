package org.opencrm.customer.application;

/** What a user can set on a customer. */
public record CustomerDetails(String name, String email, String phone) {
}
