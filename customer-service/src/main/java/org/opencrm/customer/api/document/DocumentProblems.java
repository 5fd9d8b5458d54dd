package org.opencrm.customer.api.document;

import java.util.List;
import java.util.Map;

import org.opencrm.customer.domain.document.DocumentRejectedException;
import org.opencrm.customer.domain.document.DocumentStoreException;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Refused uploads and an unavailable document store as problem details; before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    private static final Logger log = LoggerFactory.getLogger(DocumentProblems.class);

    @ExceptionHandler(DocumentRejectedException.class)
    ProblemDetail rejected(DocumentRejectedException ex) {
        HttpStatus status = switch (ex.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setTitle(switch (ex.reason()) {
            case TOO_LARGE -> "Document too large";
            case UNSUPPORTED_TYPE -> "Document type not accepted";
            case EMPTY -> "Invalid request";
        });
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The document is larger than a document may be.");
        problem.setTitle("Document too large");
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", problem.getDetail())));
        return problem;
    }

    /** A body that ended early (the client went away mid-upload) or is no valid multipart: nothing was stored. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail incomplete(MultipartException ex) {
        log.info("Upload not received completely: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The upload was incomplete or is no valid multipart/form-data body.");
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(DocumentStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DocumentStoreException ex) {
        log.warn("{}: {}", ex.getMessage(), ex.getCause() == null ? "-" : ex.getCause().toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                ex.getMessage() + " Retry in a moment.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
