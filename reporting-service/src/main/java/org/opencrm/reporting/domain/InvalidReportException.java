package org.opencrm.reporting.domain;

import java.util.List;

/** A report request the domain refuses: which fields (JSON paths or parameter names) and why. */
public class InvalidReportException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidReportException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid report request" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidReportException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public record FieldProblem(String field, String message) {
    }
}
