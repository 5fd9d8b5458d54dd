package org.opencrm.activity.api;

import java.util.List;
import java.util.Map;

import org.opencrm.activity.domain.FollowUpTransitionException;
import org.opencrm.activity.domain.InvalidFollowUpException;
import org.opencrm.activity.domain.UnknownReferenceException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The follow-up and timeline refusals as problem details; before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActivityProblems {

    @ExceptionHandler(InvalidFollowUpException.class)
    ProblemDetail invalid(InvalidFollowUpException ex) {
        return badRequest(ex.field(), ex.getMessage());
    }

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException ex) {
        return badRequest(ex.parameter(), ex.getMessage());
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ProblemDetail unknownReference(UnknownReferenceException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Unknown reference");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(FollowUpTransitionException.class)
    ProblemDetail transition(FollowUpTransitionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Status change not allowed");
        problem.setProperty("from", ex.from());
        problem.setProperty("allowed", ex.allowed());
        problem.setProperty("errors", List.of(Map.of("field", "status", "message", ex.getMessage())));
        return problem;
    }

    private static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
