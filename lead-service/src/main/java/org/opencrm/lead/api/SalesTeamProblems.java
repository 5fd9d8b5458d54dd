package org.opencrm.lead.api;

import org.opencrm.lead.application.SalesTeamUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The user directory not answering (assignee picker, manual assignment) as a 503 to retry; before the catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SalesTeamProblems {

    private static final Logger log = LoggerFactory.getLogger(SalesTeamProblems.class);

    @ExceptionHandler(SalesTeamUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SalesTeamUnavailableException ex) {
        log.warn("User directory unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The user directory does not answer. Retry in a moment.");
        problem.setTitle("Service unavailable");
        problem.setProperty("service", "user directory");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem);
    }
}
