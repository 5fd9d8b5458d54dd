package org.opencrm.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository's root directory: the system property {@value #PROPERTY} (Failsafe sets it), else the nearest
 * directory above the working directory that holds {@code config-repo/} or {@code infra/}.
 */
final class ProjectRoot {

    static final String PROPERTY = "crm.project.root";

    private ProjectRoot() {
    }

    static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config-repo")) || Files.isDirectory(dir.resolve("infra"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    static Path get() {
        return find().orElseThrow(() -> new IllegalStateException("cannot find the project root: set -D" + PROPERTY
                + " or run from inside the repository (a directory above holds config-repo/ or infra/)"));
    }
}
