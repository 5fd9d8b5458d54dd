package org.opencrm.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What went wrong in a Playwright run, read from its JSON report: each test that failed, and each that passed only on
 * a retry, with its project and the first lines of the error. The build's log is often all there is of a failed run,
 * and the full Playwright output drowns in it.
 */
final class PlaywrightFailures {

    private static final int ERROR_LINES = 12;
    /** Playwright colours its messages for a terminal */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[;\\d]*m");

    private PlaywrightFailures() {
    }

    /** {@code unexpected}: failed on every attempt; {@code flaky}: failed, then passed on a retry. */
    static String summarise(Path jsonReport, String outcome) {
        if (!Files.isRegularFile(jsonReport)) {
            return "no JSON report at " + jsonReport;
        }
        try {
            List<String> found = new ArrayList<>();
            collect(LocalStack.JSON.readTree(jsonReport.toFile()), "", outcome, found);
            return String.join("\n", found);
        } catch (JacksonException e) {
            return "unreadable JSON report " + jsonReport + ": " + e.getMessage();
        }
    }

    private static void collect(JsonNode suite, String file, String outcome, List<String> found) {
        String suiteFile = suite.path("file").asString(file);
        for (JsonNode spec : suite.path("specs")) {
            for (JsonNode test : spec.path("tests")) {
                if (outcome.equals(test.path("status").asString())) {
                    found.add("[" + test.path("projectName").asString() + "] " + suiteFile + ":"
                            + spec.path("line").asInt() + " › " + spec.path("title").asString() + "\n"
                            + firstError(test));
                }
            }
        }
        for (JsonNode child : suite.path("suites")) {
            collect(child, suiteFile, outcome, found);
        }
    }

    private static String firstError(JsonNode test) {
        for (JsonNode result : test.path("results")) {
            String message = result.path("error").path("message").asString("");
            if (!message.isBlank()) {
                return ANSI_ESCAPE.matcher(message).replaceAll("").strip().lines()
                        .limit(ERROR_LINES)
                        .map(line -> "    " + line)
                        .collect(Collectors.joining("\n"));
            }
        }
        return "    (no error recorded)";
    }
}
