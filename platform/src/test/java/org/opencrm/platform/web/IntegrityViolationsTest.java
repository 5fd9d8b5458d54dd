package org.opencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class IntegrityViolationsTest {

    private final IntegrityViolations violations = new IntegrityViolations(List.of(new ConstraintMessage(
            "customer_email_unique", HttpStatus.CONFLICT, "email", "A customer with this email already exists.")));

    @Test
    void reportsADeclaredConstraintOnItsField() {
        ProblemDetail problem = violations.problemFor(violation("23505", "customer_email_unique", null));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(errors(problem)).containsExactly(
                Map.of("field", "email", "message", "A customer with this email already exists."));
    }

    @Test
    void reportsOtherViolationsByTheirKindNeverAsAnotherFieldsError() {
        ProblemDetail otherUnique = violations.problemFor(violation("23505", "customer_phone_unique", null));
        assertThat(otherUnique.getStatus()).isEqualTo(409);
        assertThat(otherUnique.getProperties()).isNull();

        ProblemDetail nul = violations.problemFor(violation("22021", null, null));
        assertThat(nul.getStatus()).isEqualTo(400);

        ProblemDetail missing = violations.problemFor(violation("23502", null, "created_at"));
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(errors(missing)).extracting(error -> error.get("field")).containsExactly("createdAt");

        ProblemDetail foreignKey = violations.problemFor(violation("23503", "activity_customer_fk", null));
        assertThat(foreignKey.getStatus()).isEqualTo(409);
    }

    private static DataIntegrityViolationException violation(String sqlState, String constraint, String column) {
        String fields = "SERROR\0C" + sqlState + "\0Mviolation\0" + (constraint != null ? "n" + constraint + "\0" : "")
                + (column != null ? "c" + column + "\0" : "");
        return new DataIntegrityViolationException("could not execute statement",
                new PSQLException(new ServerErrorMessage(fields)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(ProblemDetail problem) {
        return (List<Map<String, String>>) problem.getProperties().get("errors");
    }

    @Test
    void columnsBecomeFieldNames() {
        assertThat(IntegrityViolations.fieldOf("created_at")).isEqualTo("createdAt");
        assertThat(IntegrityViolations.fieldOf("email")).isEqualTo("email");
        assertThat(IntegrityViolations.fieldOf(null)).isNull();
    }
}
