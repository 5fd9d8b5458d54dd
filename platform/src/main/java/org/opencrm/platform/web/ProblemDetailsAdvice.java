package org.opencrm.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.opencrm.platform.json.JsonPaths;
import org.opencrm.platform.paging.InvalidCursorException;
import org.opencrm.platform.users.UserDirectoryUnavailableException;
import org.opencrm.platform.web.RequestSizeLimitFilter.RequestTooLargeException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves a service as RFC 9457 problem details: field errors for invalid input (unreadable bodies and
 * cursors included), 413 for bodies over the limits, 404, 409 by the constraint really violated, 403, 503 with
 * Retry-After when the database is slow or out of connections, and a plain 500 that never carries a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** SQLStates of a database that is slow or unreachable, not of a wrong request: query cancelled, connection, resources, shutdown, lock. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("57", "08", "53", "40", "55");

    /** Seconds a client should wait before retrying after a 503. */
    private static final String RETRY_AFTER_SECONDS = "2";

    private static final String WRONG_TYPE = "has a value of the wrong type or format";
    private static final String UNKNOWN_PROPERTY = "is not a property this request knows";

    private final IntegrityViolations integrityViolations;

    public ProblemDetailsAdvice(IntegrityViolations integrityViolations) {
        this.integrityViolations = integrityViolations;
    }

    public ProblemDetailsAdvice() {
        this(new IntegrityViolations(List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = Causes.find(ex, RequestTooLargeException.class);
        if (tooLarge != null) {
            return problem(RequestSizeLimitFilter.tooLarge(tooLarge.maxBytes()));
        }
        StreamConstraintsException constraint = Causes.find(ex, StreamConstraintsException.class);
        if (constraint != null && String.valueOf(constraint.getMessage()).startsWith("Document length")) {
            // Jackson's document limit is the body limit: the same answer as the filter's
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this endpoint accepts.");
            problem.setTitle("Request too large");
            return problem(problem);
        }
        if (constraint != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The JSON document exceeds a limit of this API (size, nesting depth, string or number length).");
            problem.setTitle("Invalid request");
            return problem(problem);
        }
        MismatchedInputException mismatch = Causes.find(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return problem(invalid(List.of(Map.of("field", JsonPaths.of(mismatch), "message", messageOf(mismatch)))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON.");
        problem.setTitle("Invalid request");
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        return ResponseEntity.badRequest()
            .body(invalid(List.of(Map.of("field", String.valueOf(field), "message", WRONG_TYPE))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
            .body(invalid(ex.getBindingResult().getFieldErrors().stream().map(this::fieldError).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(fieldError(error)));
            }
            else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors
                    .add(Map.of("field", String.valueOf(name), "message", String.valueOf(error.getDefaultMessage()))));
            }
        });
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
            .map(violation -> Map.of("field", violation.getPropertyPath().toString(), "message", violation.getMessage()))
            .toList());
    }

    @ExceptionHandler(InvalidCursorException.class)
    ProblemDetail invalidCursor(InvalidCursorException ex) {
        return invalid(List.of(Map.of("field", "cursor", "message", ex.getMessage())));
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException ex) {
        return RequestSizeLimitFilter.tooLarge(ex.maxBytes());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolation(DataIntegrityViolationException ex) {
        ProblemDetail problem = integrityViolations.problemFor(ex);
        log.info("Integrity violation answered with {}: {}", problem.getStatus(), ex.getMostSpecificCause().getMessage());
        return problem;
    }

    /** The database gave up on the query (statement_timeout) or no connection came in time: retry later. */
    @ExceptionHandler({ QueryTimeoutException.class, TransientDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
    ResponseEntity<Object> unavailable(Exception ex) {
        log.warn("Database unavailable or too slow: {}", ex.getMessage());
        return serviceUnavailable();
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail notFound(ResourceNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflict");
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentModification(OptimisticLockingFailureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this record since you loaded it. Reload it and apply your change again.");
        problem.setTitle("Modified concurrently");
        return problem;
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    ProblemDetail accessDenied(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this request.");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(UserDirectoryUnavailableException.class)
    ResponseEntity<ProblemDetail> userDirectoryUnavailable(UserDirectoryUnavailableException ex) {
        log.warn("User directory unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The user directory does not answer. Retry in a moment.");
        problem.setTitle("Service unavailable");
        problem.setProperty("service", "user directory");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
            .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (isTransientDatabaseFailure(ex)) {
            log.warn("Database unavailable or too slow: {}", ex.getMessage());
            return serviceUnavailable();
        }
        if (Causes.find(ex, InvalidParameterException.class) != null) {
            // Tomcat could not decode a parameter (QueryParameterFilter catches query strings before this)
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "A request parameter is not valid UTF-8 or is badly encoded.");
            problem.setTitle("Invalid request");
            return problem(problem);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The error has been logged.");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    private static ResponseEntity<Object> serviceUnavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is busy or its database is slow. Retry in a moment.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(problem);
    }

    static boolean isTransientDatabaseFailure(Throwable ex) {
        for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    private static String messageOf(MismatchedInputException mismatch) {
        if (mismatch instanceof UnrecognizedPropertyException) {
            return UNKNOWN_PROPERTY;
        }
        boolean controlCharacters = mismatch.getTargetType() == String.class && mismatch.getMessage() != null
                && mismatch.getMessage().contains(ControlCharacterRejectingModule.CONTROL_CHARACTERS_MESSAGE);
        return controlCharacters ? ControlCharacterRejectingModule.CONTROL_CHARACTERS_MESSAGE : WRONG_TYPE;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private Map<String, String> fieldError(FieldError error) {
        // a value that could not be converted: Spring's message names Java types, which say nothing to a client
        String message = error.isBindingFailure() ? WRONG_TYPE : String.valueOf(error.getDefaultMessage());
        return Map.of("field", error.getField(), "message", message);
    }
}
