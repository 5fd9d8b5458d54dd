package org.opencrm.platform.paging;

/**
 * A cursor the list did not issue (or no longer could have): invalid input, which the web layer answers with a 400
 * naming {@code cursor}. Not an HTTP exception, so domain code can decode cursors.
 */
public class InvalidCursorException extends RuntimeException {

    InvalidCursorException() {
        super("cursor is not a cursor returned by this list.");
    }
}
