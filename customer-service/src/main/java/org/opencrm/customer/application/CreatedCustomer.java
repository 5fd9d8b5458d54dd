package org.opencrm.customer.application;

import org.opencrm.customer.domain.CustomerRow;

/** The customer a create returned; {@code replayed} when an earlier request with the same key created it. */
public record CreatedCustomer(CustomerRow customer, boolean replayed) {
}
