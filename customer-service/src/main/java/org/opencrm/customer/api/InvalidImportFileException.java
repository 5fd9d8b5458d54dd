package org.opencrm.customer.api;

import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;

/** A file no row of which can be imported (no header, no email column, not CSV): 422 naming {@code file}. */
class InvalidImportFileException extends InvalidFieldException {

    InvalidImportFileException(String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "file", message);
    }
}
