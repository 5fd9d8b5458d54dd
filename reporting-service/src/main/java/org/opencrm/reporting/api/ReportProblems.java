package org.opencrm.reporting.api;

import java.util.List;
import java.util.Map;

import org.opencrm.reporting.domain.InvalidReportException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused report request as problem details naming each field; before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportProblems {

    @ExceptionHandler(InvalidReportException.class)
    ProblemDetail invalid(InvalidReportException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = ex.problems().stream()
            .map(p -> Map.of("field", p.field(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
