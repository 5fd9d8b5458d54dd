package org.opencrm.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The root README's permission table is rendered from {@code config-repo/permissions.yml}, so it cannot drift. After
 * changing the table, run this test with {@code -Dcrm.permissions.update-readme=true} to rewrite the README's block.
 */
class ReadmePermissionTableTest {

    static final String START = "<!-- permission-table:start (generated from config-repo/permissions.yml) -->";

    static final String END = "<!-- permission-table:end -->";

    @Test
    void readmeShowsThePermissionTable() throws IOException {
        Path readme = Path.of(System.getProperty("crm.project.root", "..")).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the markers " + START + " and " + END).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = render(PermissionTable.load());
        String actual = text.substring(start + START.length(), end);
        if (!actual.equals(expected) && Boolean.getBoolean("crm.permissions.update-readme")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README.md's permission table; rerun with -Dcrm.permissions.update-readme=true")
                .isEqualTo(expected);
    }

    static String render(PermissionTable table) {
        StringBuilder md = new StringBuilder("\n| Operation | Request | ");
        table.roles().forEach(role -> md.append(role).append(" | "));
        md.append("no CRM role | partner scopes |\n|---|---|");
        md.append("---|".repeat(table.roles().size() + 2)).append('\n');
        for (Operation operation : table.operations()) {
            md.append("| `").append(operation.name()).append("` | `").append(operation.method().name()).append(' ')
                    .append(operation.path()).append("` | ");
            table.roles().forEach(role -> md.append(operation.permitsRole(role) ? "✓" : "–").append(" | "));
            md.append(operation.signedIn() ? "✓" : "–").append(" | ");
            md.append(operation.signedIn() ? "any"
                    : operation.scopes().isEmpty() ? "–"
                    : table.scopes().stream().filter(operation.scopes()::contains).map(s -> "`" + s + "`")
                            .collect(Collectors.joining(", ")));
            md.append(" |\n");
        }
        return md.toString();
    }
}
