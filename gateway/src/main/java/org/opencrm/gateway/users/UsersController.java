package org.opencrm.gateway.users;


import java.util.List;
import java.util.Map;

import org.opencrm.gateway.session.UserSessions;

import org.opencrm.gateway.users.UserAdministration.UserPage;
import org.opencrm.gateway.users.UserAdministration.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/users}: the CRM admin's view of the realm's users, answered by the gateway itself through Keycloak's
 * admin API. Only admins get here (the access rule for {@code /api/v1/users/**}).
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private static final Logger log = LoggerFactory.getLogger(UsersController.class);

    private static final int DEFAULT_LIMIT = 50;

    private static final int MAX_SEARCH_LENGTH = 100;

    /** Keycloak refuses offsets beyond an int; far beyond any realm the CRM will have. */
    private static final int MAX_OFFSET = 1_000_000;

    private final UserAdministration users;

    private final UserAdminProperties properties;

    UsersController(KeycloakAdminClient keycloak, UserSessions sessions, UserAdminProperties properties) {
        this.users = new UserAdministration(keycloak, sessions);
        this.properties = properties;
    }

    record RoleChange(String role) {
    }

    record EnabledChange(Boolean enabled) {
    }

    @GetMapping
    Mono<UserPage> list(@RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "limit", required = false) String limit) {
        if (q.length() > MAX_SEARCH_LENGTH || q.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("q", "must be at most " + MAX_SEARCH_LENGTH
                    + " characters without control characters");
        }
        int first = cursor == null ? 0 : number("cursor", cursor, 0, MAX_OFFSET);
        int max = limit == null ? DEFAULT_LIMIT : number("limit", limit, 1, properties.maxPageSize());
        return users.list(q.strip(), first, max);
    }

    @PutMapping(path = "/{id}/role", consumes = "application/json")
    Mono<UserView> changeRole(@PathVariable String id, @RequestBody RoleChange body, Authentication caller) {
        CrmRole role = CrmRole.of(body.role()).orElseThrow(() -> new InvalidFieldException("role",
                "must be one of " + String.join(", ", CrmRole.NAMES)));
        // the principal's name is the subject (Keycloak user id) for bearer and browser callers alike
        return users.changeRole(caller.getName(), id, role);
    }

    @PutMapping(path = "/{id}/enabled", consumes = "application/json")
    Mono<UserView> setEnabled(@PathVariable String id, @RequestBody EnabledChange body, Authentication caller) {
        if (body.enabled() == null) {
            throw new InvalidFieldException("enabled", "must be true or false");
        }
        return users.setEnabled(caller.getName(), id, body.enabled());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UserNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(UserNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
    }

    @ExceptionHandler(SelfAdministrationException.class)
    ResponseEntity<ProblemDetail> self(SelfAdministrationException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()));
    }

    @ExceptionHandler(KeycloakUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(KeycloakUnavailableException ex) {
        log.warn("user administration unavailable: {}", ex.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                "User administration is unavailable right now.");
        problem.setProperty("service", "user administration");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw new InvalidFieldException(field, "must be a whole number from " + min + " to " + max);
    }

    /** A request field with a value the API does not accept. */
    static final class InvalidFieldException extends RuntimeException {

        private final String field;

        InvalidFieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
