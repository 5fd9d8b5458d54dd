package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaywrightFailuresTest {

    /** The shape of Playwright's JSON report: nested suites, a spec per test, a test per project, a result per attempt. */
    private static final String REPORT = """
            {"suites": [{"title": "customers.spec.ts", "file": "customers.spec.ts", "specs": [
              {"title": "lists customers", "line": 4, "tests": [
                {"projectName": "desktop", "status": "expected", "results": [{"status": "passed"}]}]}
             ], "suites": [{"title": "edits", "specs": [
              {"title": "creates a customer", "line": 12, "tests": [
                {"projectName": "phone", "status": "unexpected", "results": [
                  {"status": "failed", "error": {"message": "\\u001b[2mexpect(\\u001b[22mlocator).toBeVisible() failed\\nLocator: getByText('Ada')\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\n10\\n11\\n12\\n13 is left out"}},
                  {"status": "failed", "error": {"message": "second attempt"}}]},
                {"projectName": "desktop", "status": "flaky", "results": [
                  {"status": "timedOut", "error": {"message": "Test timeout of 90000ms exceeded."}},
                  {"status": "passed"}]}]}
             ]}]}],
             "errors": []}
            """;

    @TempDir
    Path dir;

    @Test
    void namesEachFailedTestWithItsProjectAndTheFirstLinesOfItsFirstError() throws Exception {
        Path report = Files.writeString(dir.resolve("results.json"), REPORT);

        String failed = PlaywrightFailures.summarise(report, "unexpected");

        assertThat(failed)
                .startsWith("[phone] customers.spec.ts:12 › creates a customer\n    expect(locator).toBeVisible() failed")
                .contains("Locator: getByText('Ada')", "    12")
                .doesNotContain("lists customers", "13 is left out", "second attempt", "[desktop]");
    }

    @Test
    void namesTheTestsThatPassedOnlyOnARetry() throws Exception {
        Path report = Files.writeString(dir.resolve("results.json"), REPORT);

        assertThat(PlaywrightFailures.summarise(report, "flaky"))
                .isEqualTo("[desktop] customers.spec.ts:12 › creates a customer\n    Test timeout of 90000ms exceeded.");
    }

    @Test
    void saysSoWhenThereIsNoReport() {
        assertThat(PlaywrightFailures.summarise(dir.resolve("missing.json"), "unexpected"))
                .startsWith("no JSON report at ");
    }
}
