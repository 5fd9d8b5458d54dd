package org.opencrm.platform.web;

import org.springframework.http.HttpStatus;

/**
 * How a service reports a violation of one of its database constraints: declare one bean per constraint whose
 * violation a client can cause (a unique email, say). Violations of undeclared constraints are still answered
 * honestly by their kind (conflict, missing value, value out of range), never as another field's error.
 *
 * @param constraint the PostgreSQL constraint or unique index name, e.g. {@code customer_email_unique}
 * @param status usually 409 for unique and foreign keys, 400 for checks
 * @param field the request field at fault, or null
 * @param message shown to the client
 */
public record ConstraintMessage(String constraint, HttpStatus status, String field, String message) {
}
