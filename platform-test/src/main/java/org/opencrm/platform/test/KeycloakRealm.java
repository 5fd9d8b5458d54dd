package org.opencrm.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;

/** The realm file both Keycloak backends import: {@code <project root>/infra/keycloak/crm-realm.json}. */
final class KeycloakRealm {

    /** Points at another realm file, e.g. a module's own minimal one. */
    static final String FILE_PROPERTY = "crm.keycloak.realm-file";

    private KeycloakRealm() {
    }

    static Path file() {
        String configured = System.getProperty(FILE_PROPERTY);
        Path file = (configured != null && !configured.isBlank()) ? Path.of(configured)
                : ProjectRoot.get().resolve("infra/keycloak/crm-realm.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Keycloak realm file at " + file.toAbsolutePath());
        }
        return file.toAbsolutePath();
    }
}
