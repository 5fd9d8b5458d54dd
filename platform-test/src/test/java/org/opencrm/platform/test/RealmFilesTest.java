package org.opencrm.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two realm files: {@code crm-realm.json} (dev, imported by the local stack and the tests) and
 * {@code crm-realm-production.json}. The production realm holds no person and no secret, and both agree on everything
 * but demo users, dev-only clients, URLs and secrets, so that they cannot drift apart.
 */
class RealmFilesTest {

    private static final Path DIR = ProjectRoot.get().resolve("infra/keycloak");

    private static final JsonNode DEV = read("crm-realm.json");

    private static final JsonNode PRODUCTION = read("crm-realm-production.json");

    /**
     * Clients only the dev realm has: the public password-grant clients (scripts, {@code ./crm bench api}), the demo
     * partner, the legacy SPA client.
     */
    private static final Set<String> DEV_ONLY_CLIENTS = Set.of("crm-dev", "crm-bench", "crm-partner-demo", "crm-web");

    /**
     * What may differ between the realms' top-level settings. The dev realm's passwords are public demo ones: it
     * hashes them with 1,000 rounds of PBKDF2 (Keycloak's default, Argon2, cost 0.1-0.15 s of a core per sign-in and
     * per password token, hundreds of them in a test run); the production realm keeps the default.
     */
    private static final Set<String> ENVIRONMENT_SPECIFIC = Set.of("users", "clients", "sslRequired",
            "passwordPolicy");

    /** What may differ within a client both realms have. */
    private static final Set<String> CLIENT_ENVIRONMENT_SPECIFIC = Set.of("secret", "redirectUris", "webOrigins",
            "attributes");

    /** {@code ${NAME}}: an environment variable without a default. */
    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    private static final Set<String> CRM_ROLES = Set.of("admin", "manager", "sales", "support");

    @Test
    void productionRealmHasNoPeopleOnlyServiceAccounts() {
        for (JsonNode user : PRODUCTION.path("users")) {
            assertThat(user.path("serviceAccountClientId").isString())
                    .as("user %s must be a client's service account", user.path("username")).isTrue();
            assertThat(user.has("credentials")).as("credentials of %s", user.path("username")).isFalse();
        }
    }

    @Test
    void productionRealmHoldsNoLiteralSecretAndNoDevUrl() throws IOException {
        for (JsonNode client : PRODUCTION.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).as("secret of %s", client.path("clientId"))
                        .matches(ENVIRONMENT_PLACEHOLDER);
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asString()).startsWith("${CRM_PUBLIC_URL}");
            }
        }
        String text = Files.readString(DIR.resolve("crm-realm-production.json"));
        assertThat(text).doesNotContain("dev-secret", "crm-demo", "127.0.0.1", "localhost", "\"password\"");
        assertThat(PRODUCTION.path("sslRequired").asString()).isEqualTo("external");
    }

    @Test
    void productionRealmKeepsKeycloaksPasswordHashing() {
        assertThat(PRODUCTION.path("passwordPolicy").asString("")).doesNotContain("hashIterations", "hashAlgorithm");
    }

    @Test
    void bothRealmsAgreeOnSettingsRolesAndScopes() {
        assertThat(withoutKeys(PRODUCTION, ENVIRONMENT_SPECIFIC)).isEqualTo(withoutKeys(DEV, ENVIRONMENT_SPECIFIC));
    }

    @Test
    void bothRealmsAgreeOnTheClientsTheyShare() {
        Map<String, JsonNode> dev = clients(DEV);
        Map<String, JsonNode> production = clients(PRODUCTION);

        Set<String> devOnly = new TreeSet<>(dev.keySet());
        devOnly.removeAll(production.keySet());
        assertThat(devOnly).as("clients only the dev realm has (decide for each whether production needs it)")
                .isEqualTo(new TreeSet<>(DEV_ONLY_CLIENTS));
        assertThat(dev.keySet()).containsAll(production.keySet());
        production.forEach((id, client) -> {
            assertThat(withoutKeys(client, CLIENT_ENVIRONMENT_SPECIFIC)).as(id)
                    .isEqualTo(withoutKeys(dev.get(id), CLIENT_ENVIRONMENT_SPECIFIC));
            assertThat(serviceAccount(PRODUCTION, id)).as("service account of " + id)
                    .isEqualTo(serviceAccount(DEV, id));
        });
    }

    @Test
    void newUsersGetNoCrmRoleAndBruteForceDetectionIsOn() {
        for (JsonNode realm : List.of(DEV, PRODUCTION)) {
            JsonNode defaultRole = role(realm, realm.path("defaultRole").path("name").asString());
            List<String> composites = new ArrayList<>();
            defaultRole.path("composites").path("realm").forEach(r -> composites.add(r.asString()));
            assertThat(composites).doesNotContainAnyElementsOf(CRM_ROLES);
            assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
            assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
            assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        }
    }

    @Test
    void theUserAdministrationClientMayOnlyViewQueryAndManageUsers() {
        JsonNode account = serviceAccount(PRODUCTION, "crm-user-admin");

        assertThat(account.path("realmRoles").isEmpty()).isTrue();
        List<String> clientRoles = new ArrayList<>();
        account.path("clientRoles").properties().forEach(e -> e.getValue()
                .forEach(role -> clientRoles.add(e.getKey() + "/" + role.asString())));
        assertThat(clientRoles).containsExactlyInAnyOrder("realm-management/view-users",
                "realm-management/query-users", "realm-management/manage-users");
        JsonNode client = clients(PRODUCTION).get("crm-user-admin");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("publicClient").asBoolean()).isFalse();
    }

    @Test
    void theLeadServiceClientMayOnlyReadUsersAndRoles() {
        JsonNode account = serviceAccount(PRODUCTION, "crm-lead-service");

        assertThat(account.path("realmRoles").isEmpty()).isTrue();
        List<String> clientRoles = new ArrayList<>();
        account.path("clientRoles").properties().forEach(e -> e.getValue()
                .forEach(role -> clientRoles.add(e.getKey() + "/" + role.asString())));
        // view-realm: Keycloak lets only it list a realm role's members (GET /roles/sales/users)
        assertThat(clientRoles).containsExactlyInAnyOrder("realm-management/view-users",
                "realm-management/query-users", "realm-management/view-realm");
        JsonNode client = clients(PRODUCTION).get("crm-lead-service");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
    }

    @Test
    void devRealmKeepsTheDemoUsersAndAPendingOne() {
        Map<String, List<String>> roles = new TreeMap<>();
        for (JsonNode user : DEV.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                List<String> held = new ArrayList<>();
                user.path("realmRoles").forEach(r -> held.add(r.asString()));
                roles.put(user.path("username").asString(), held);
            }
        }
        assertThat(roles).containsOnlyKeys("admin", "manager", "sales1", "sales2", "support", "pending", "bench");
        assertThat(roles.get("pending")).doesNotContainAnyElementsOf(CRM_ROLES);
    }

    private static JsonNode read(String name) {
        try {
            return JsonMapper.shared().readTree(Files.readString(DIR.resolve(name)));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode withoutKeys(JsonNode node, Set<String> keys) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        keys.forEach(copy::remove);
        return copy;
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new TreeMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asString(), c));
        return clients;
    }

    private static JsonNode serviceAccount(JsonNode realm, String clientId) {
        for (JsonNode user : realm.path("users")) {
            if (clientId.equals(user.path("serviceAccountClientId").asString(null))) {
                return user;
            }
        }
        return JsonMapper.shared().createObjectNode();
    }

    private static JsonNode role(JsonNode realm, String name) {
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (name.equals(role.path("name").asString())) {
                return role;
            }
        }
        throw new AssertionError("no realm role " + name);
    }
}
