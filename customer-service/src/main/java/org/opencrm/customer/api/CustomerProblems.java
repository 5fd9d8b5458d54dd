package org.opencrm.customer.api;

import java.util.List;
import java.util.Map;

import org.opencrm.customer.domain.UnknownOwnerException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The customer domain's refusals as problem details; before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CustomerProblems {

    @ExceptionHandler(UnknownOwnerException.class)
    ProblemDetail unknownOwner(UnknownOwnerException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Unknown reference");
        problem.setProperty("errors", List.of(Map.of("field", "owner", "message", ex.getMessage())));
        return problem;
    }
}
