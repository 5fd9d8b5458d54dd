package org.opencrm.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * What is rendered from {@code config-repo/permissions.yml} cannot drift from it: the root README's table and the web
 * UI's {@code permissionTable.generated.ts}. After changing the table, run this test once with
 * {@code -D}{@value #UPDATE}{@code =true} to rewrite both.
 */
class CopiesOfThePermissionTableTest {

    static final String UPDATE = "crm.permissions.update";

    static final String START = "<!-- permission-table:start (generated from config-repo/permissions.yml) -->";

    static final String END = "<!-- permission-table:end -->";

    static final String WEB_UI_FILE = "web-ui/src/features/auth/permissionTable.generated.ts";

    private final PermissionTable table = PermissionTable.load();

    @Test
    void readmeShowsThePermissionTable() throws IOException {
        Path readme = projectRoot().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the markers " + START + " and " + END).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = text.substring(0, start + START.length()) + markdown(table) + text.substring(end);
        check(readme, text, expected);
    }

    @Test
    void webUiKnowsThePermissionTable() throws IOException {
        Path file = projectRoot().resolve(WEB_UI_FILE);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        check(file, text, typeScript(table));
    }

    private static void check(Path file, String actual, String expected) throws IOException {
        if (!actual.equals(expected) && Boolean.getBoolean(UPDATE)) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as(file + " differs from config-repo/permissions.yml; rerun with -D" + UPDATE + "=true")
                .isEqualTo(expected);
    }

    static String markdown(PermissionTable table) {
        StringBuilder md = new StringBuilder("\n| Operation | Request | ");
        table.roles().forEach(role -> md.append(role).append(" | "));
        md.append("no CRM role | partner scopes |\n|---|---|");
        md.append("---|".repeat(table.roles().size() + 2)).append('\n');
        for (Operation operation : table.operations()) {
            md.append("| `").append(operation.name()).append("` | `").append(operation.method().name()).append(' ')
                    .append(operation.path()).append("` | ");
            table.roles().forEach(role -> md.append(!operation.permitsRole(role) ? "–"
                    : operation.ownRecords().contains(role) ? "✓ own" : "✓").append(" | "));
            md.append(operation.signedIn() || operation.isPublic() ? "✓" : "–").append(" | ");
            md.append(operation.isPublic() ? "public: no token" : operation.signedIn() ? "any"
                    : operation.scopes().isEmpty() ? "–"
                    : ordered(table.scopes(), operation.scopes()).stream().map(s -> "`" + s + "`")
                            .collect(Collectors.joining(", ")));
            md.append(" |\n");
        }
        return md.toString();
    }

    static String typeScript(PermissionTable table) {
        StringBuilder ts = new StringBuilder("""
                // Generated from config-repo/permissions.yml by CopiesOfThePermissionTableTest (module permissions).
                // Do not edit: change the YAML, then run
                // ./mvnw -pl platform-permissions test -Dcrm.permissions.update=true

                """);
        ts.append("export const ROLES = ").append(list(table.roles())).append(" as const;\n\n");
        ts.append("export const OPERATIONS = {\n");
        for (Operation operation : table.operations()) {
            // what the UI decides by (which roles are offered what); every first visit carries it, so nothing more
            ts.append("  '").append(operation.name()).append("': { signedIn: ").append(operation.signedIn())
                    .append(", roles: ").append(list(ordered(table.roles(), operation.roles()))).append(" },\n");
        }
        ts.append("} as const;\n\nexport type OperationName = keyof typeof OPERATIONS;\n");
        return ts.toString();
    }

    private static List<String> ordered(List<String> all, Collection<String> some) {
        return all.stream().filter(some::contains).toList();
    }

    private static String list(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("crm.project.root", ".."));
    }
}
