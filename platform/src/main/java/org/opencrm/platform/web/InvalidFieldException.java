package org.opencrm.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A field a use case refuses after the request was bound and validated, answered as problem details naming it in
 * {@code errors} like a validation error: 400 for a value that is wrong in itself (a date in the future), 422 for one
 * that is well-formed but cannot be accepted (rich text with nothing left after sanitising).
 */
public class InvalidFieldException extends ErrorResponseException {

    public InvalidFieldException(HttpStatus status, String field, String message) {
        super(status, problem(status, field, message), null);
    }

    private static ProblemDetail problem(HttpStatus status, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                status == HttpStatus.BAD_REQUEST ? "The request has invalid fields." : message);
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid request" : "Unprocessable content");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
