package org.opencrm.platform.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Turns a PostgreSQL integrity or data error into the problem it really is: by the violated constraint's declared
 * {@link ConstraintMessage} when there is one, else by its SQLState class. A NUL byte is no duplicate email.
 */
public class IntegrityViolations {

    private final Map<String, ConstraintMessage> byConstraint;

    public IntegrityViolations(List<ConstraintMessage> messages) {
        this.byConstraint = messages.stream()
            .collect(Collectors.toMap(ConstraintMessage::constraint, Function.identity()));
    }

    public ProblemDetail problemFor(Throwable ex) {
        Optional<SQLException> sql = sqlException(ex);
        ServerErrorMessage server = sql.filter(PSQLException.class::isInstance)
            .map(e -> ((PSQLException) e).getServerErrorMessage())
            .orElse(null);
        if (server != null && server.getConstraint() != null && byConstraint.containsKey(server.getConstraint())) {
            ConstraintMessage declared = byConstraint.get(server.getConstraint());
            return problem(declared.status(), declared.message(), declared.field());
        }
        String state = sql.map(SQLException::getSQLState).orElse("");
        String column = server != null ? server.getColumn() : null;
        return switch (state) {
            case "23505" -> problem(HttpStatus.CONFLICT, "The request conflicts with an existing record.", null);
            case "23503" -> problem(HttpStatus.CONFLICT,
                    "The request refers to a record that does not exist, or one that others still refer to.", null);
            case "23502" -> problem(HttpStatus.BAD_REQUEST, "A required value is missing.", fieldOf(column));
            case "23514" -> problem(HttpStatus.BAD_REQUEST, "A value breaks a rule of this record.", fieldOf(column));
            default -> state.startsWith("22")
                    ? problem(HttpStatus.BAD_REQUEST,
                            "A value is too long, out of range, or holds characters that cannot be stored.",
                            fieldOf(column))
                    : problem(HttpStatus.CONFLICT, "The request conflicts with the data's integrity rules.", null);
        };
    }

    private static ProblemDetail problem(HttpStatus status, String message, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Invalid request");
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return problem;
    }

    /** A column {@code created_at} is the request field {@code createdAt}. */
    static String fieldOf(String column) {
        if (column == null || column.isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            }
            else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    static Optional<SQLException> sqlException(Throwable ex) {
        return Optional.ofNullable(Causes.find(ex, SQLException.class));
    }
}
