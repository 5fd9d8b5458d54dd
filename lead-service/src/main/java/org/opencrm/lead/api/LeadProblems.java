package org.opencrm.lead.api;

import java.util.List;
import java.util.Map;

import org.opencrm.lead.domain.InvalidLeadException;
import org.opencrm.lead.domain.StatusTransitionException;
import org.opencrm.lead.domain.UnknownReferenceException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lead domain's refusals as problem details; before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeadProblems {

    @ExceptionHandler(InvalidLeadException.class)
    ProblemDetail invalid(InvalidLeadException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ProblemDetail unknownReference(UnknownReferenceException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Unknown reference");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(StatusTransitionException.class)
    ProblemDetail transition(StatusTransitionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Status change not allowed");
        problem.setProperty("from", ex.from());
        problem.setProperty("allowed", ex.allowed());
        problem.setProperty("errors", List.of(Map.of("field", "status", "message", ex.getMessage())));
        return problem;
    }
}
