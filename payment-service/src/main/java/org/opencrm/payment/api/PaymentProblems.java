package org.opencrm.payment.api;

import java.util.List;
import java.util.Map;

import org.opencrm.payment.application.InvalidSignatureException;
import org.opencrm.payment.domain.InvalidPaymentException;
import org.opencrm.payment.domain.StatusTransitionException;
import org.opencrm.payment.domain.UnknownReferenceException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The payment domain's refusals as problem details; before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

    @ExceptionHandler(InvalidPaymentException.class)
    ProblemDetail invalid(InvalidPaymentException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle(ex instanceof UnknownReferenceException ? "Unknown reference" : "Unprocessable content");
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

    @ExceptionHandler(InvalidSignatureException.class)
    ProblemDetail signature(InvalidSignatureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
        problem.setTitle("Invalid signature");
        return problem;
    }
}
