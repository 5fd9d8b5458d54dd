package org.opencrm.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.gateway.Browser;
import org.opencrm.gateway.GatewayTest;
import org.opencrm.gateway.users.RealmUsers.Created;
import org.opencrm.platform.test.KeycloakEndpoint;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.RedisTestConfiguration;
import org.opencrm.platform.test.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Users API through the gateway, against the real Keycloak of the dev realm: the gateway's service account
 * ({@code crm-user-admin}) lists, approves, re-assigns and deactivates users; only CRM admins may ask it to.
 */
@GatewayTest
@TestPropertySource(properties = {
        "spring.cloud.discovery.client.simple.instances.customer-service[0].uri=http://127.0.0.1:9" })
@Import({ KeycloakTestConfiguration.class, RedisTestConfiguration.class })
class UsersApiIT {

    private static final String ADMIN_ID = "5e0c2a3b-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;

    WebTestClient client;

    String adminToken;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        adminToken = keycloak().passwordToken("admin", RealmUsers.PASSWORD);
    }

    @Test
    void listsTheDemoPendingUserAsPendingWithoutCrmRole() {
        JsonNode page = get("/api/v1/users?q=pending");

        JsonNode pending = only(page, "pending");
        assertThat(pending.get("id").asString()).isEqualTo("5e0c2a3b-0000-4000-8000-000000000006");
        assertThat(pending.get("name").asString()).isEqualTo("Pat Pending");
        assertThat(pending.get("email").asString()).isEqualTo("pending@example.com");
        assertThat(pending.get("enabled").asBoolean()).isTrue();
        assertThat(pending.get("roles")).isEmpty();
        assertThat(pending.get("pending").asBoolean()).isTrue();
    }

    @Test
    void listsCrmRolesOnlyAndSearchesByEmail() {
        JsonNode page = get("/api/v1/users?q=sales1@example.com");

        JsonNode sales1 = only(page, "sales1");
        assertThat(sales1.get("roles").toString()).isEqualTo("[\"sales\"]");
        assertThat(sales1.get("pending").asBoolean()).isFalse();
    }

    @Test
    void pagesWithACursor() {
        JsonNode first = get("/api/v1/users?limit=2");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("nextCursor").asString()).isEqualTo("2");

        JsonNode second = get("/api/v1/users?limit=2&cursor=2");
        assertThat(second.get("items").get(0).get("username").asString())
                .isNotIn(first.get("items").get(0).get("username").asString(),
                        first.get("items").get(1).get("username").asString());
    }

    @Test
    void grantsARoleToANewUserWhoseNextTokenCarriesIt() {
        Created user = realmUsers().create("newcomer", "Nora", "Newcomer");
        assertThat(realmRoles(keycloak().passwordToken(user.username(), RealmUsers.PASSWORD)))
                .doesNotContain("admin", "manager", "sales", "support");
        assertThat(only(get("/api/v1/users?q=" + user.username()), user.username()).get("pending").asBoolean()).isTrue();

        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"sales\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("sales").jsonPath("$.pending").isEqualTo(false);

        assertThat(realmRoles(keycloak().passwordToken(user.username(), RealmUsers.PASSWORD))).contains("sales");
    }

    @Test
    void changingTheRoleReplacesTheOtherCrmRole() {
        Created user = realmUsers().create("mover", "Mo", "Mover");
        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"sales\"}").expectStatus().isOk();

        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"manager\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.roles.length()").isEqualTo(1).jsonPath("$.roles[0]").isEqualTo("manager");

        List<String> roles = realmRoles(keycloak().passwordToken(user.username(), RealmUsers.PASSWORD));
        assertThat(roles).contains("manager").doesNotContain("sales");
    }

    @Test
    void aDeactivatedUserCannotSignInUntilReactivated() {
        Created user = realmUsers().create("leaver", "Lee", "Leaver");
        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"support\"}").expectStatus().isOk();

        put("/api/v1/users/" + user.id() + "/enabled", "{\"enabled\":false}").expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.roles[0]").isEqualTo("support");
        assertThatThrownBy(() -> keycloak().passwordToken(user.username(), RealmUsers.PASSWORD))
                .hasMessageContaining("400");

        put("/api/v1/users/" + user.id() + "/enabled", "{\"enabled\":true}").expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true);
        assertThat(realmRoles(keycloak().passwordToken(user.username(), RealmUsers.PASSWORD))).contains("support");
    }

    @Test
    void endsEveryBrowserSessionOfAUserAtOnceWhenTheirRoleChangesOrTheyAreDeactivated() {
        Created user = realmUsers().create("roamer", "Ro", "Amer");
        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"sales\"}").expectStatus().isOk();
        Browser laptop = signedIn(user);
        Browser phone = signedIn(user);
        Created colleague = realmUsers().create("bystander", "By", "Stander");
        put("/api/v1/users/" + colleague.id() + "/role", "{\"role\":\"sales\"}").expectStatus().isOk();
        Browser colleagues = signedIn(colleague);

        // another role: both of the user's sessions end with the answer, the colleague's stays
        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"support\"}").expectStatus().isOk();
        assertThat(me(laptop).statusCode()).isEqualTo(401);
        assertThat(me(phone).statusCode()).isEqualTo(401);
        assertThat(me(colleagues).statusCode()).isEqualTo(200);
        // signing in again needs no form (Keycloak's session lasts) and carries the new role
        laptop.signIn(user.username(), RealmUsers.PASSWORD);
        assertThat(me(laptop).body()).contains("\"roles\":[\"support\"]");

        // the role it already has: nothing changes, the session stays
        put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"support\"}").expectStatus().isOk();
        assertThat(me(laptop).statusCode()).isEqualTo(200);

        // deactivated: signed out, and the login form is back (Keycloak's session ended too)
        put("/api/v1/users/" + user.id() + "/enabled", "{\"enabled\":false}").expectStatus().isOk();
        assertThat(me(laptop).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> laptop.signIn(user.username(), RealmUsers.PASSWORD)).hasMessageContaining("sign-in");
        assertThat(me(colleagues).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownRoleWith400ProblemNamingTheField() {
        put("/api/v1/users/" + ADMIN_ID + "/role", "{\"role\":\"root\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.errors[0].field").isEqualTo("role");
        put("/api/v1/users/" + ADMIN_ID + "/enabled", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("enabled");
        client.get().uri("/api/v1/users?limit=0").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        client.get().uri("/api/v1/users?cursor=abc").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void answers404ProblemForAnUnknownUser() {
        put("/api/v1/users/00000000-0000-4000-8000-00000000dead/role", "{\"role\":\"sales\"}")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
        put("/api/v1/users/00000000-0000-4000-8000-00000000dead/enabled", "{\"enabled\":false}")
                .expectStatus().isNotFound();
    }

    @Test
    void anAdminCannotDeactivateOrDemoteThemselves() {
        put("/api/v1/users/" + ADMIN_ID + "/enabled", "{\"enabled\":false}").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("yourself"));
        put("/api/v1/users/" + ADMIN_ID + "/role", "{\"role\":\"sales\"}").expectStatus().isEqualTo(409);

        assertThat(only(get("/api/v1/users?q=admin@example.com"), "admin").get("roles").toString())
                .isEqualTo("[\"admin\"]");
    }

    @Test
    void refusesEveryoneButAdmins() {
        for (String username : List.of("manager", "sales1", "support", "pending")) {
            String token = keycloak().passwordToken(username, RealmUsers.PASSWORD);
            client.get().uri("/api/v1/users").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.put().uri("/api/v1/users/" + ADMIN_ID + "/role").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"role\":\"sales\"}").exchange()
                    .expectStatus().isForbidden();
        }
        String partner = keycloak().clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret",
                "customers:read", "customers:write");
        client.get().uri("/api/v1/users").headers(h -> h.setBearerAuth(partner)).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/users").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theServiceAccountMayOnlyAdministerUsersOfTheCrmRealm() throws Exception {
        String token = keycloak().clientCredentialsToken("crm-user-admin", "crm-user-admin-dev-secret");
        String base = keycloak().baseUrl() + "/admin/realms/";

        assertThat(status(base + "crm/users?max=1", token)).isEqualTo(200);
        assertThat(status(base + "crm/clients", token)).isEqualTo(403);
        assertThat(status(base + "crm/roles/sales", token)).isEqualTo(403);
        assertThat(status(base + "master/users", token)).isEqualTo(403);
        // and its token is no CRM API token (audience realm-management, not crm-api)
        client.get().uri("/api/v1/users").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    private Browser signedIn(Created user) {
        Browser browser = new Browser("http://127.0.0.1:" + port);
        browser.signIn(user.username(), RealmUsers.PASSWORD);
        assertThat(me(browser).statusCode()).isEqualTo(200);
        return browser;
    }

    private static HttpResponse<String> me(Browser browser) {
        return browser.api("GET", "/api/v1/me", Map.of());
    }

    private static int status(String uri, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String uri) {
        byte[] body = client.get().uri(uri).headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        return JsonMapper.shared().readTree(body);
    }

    private WebTestClient.ResponseSpec put(String uri, String json) {
        return client.put().uri(uri).headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static JsonNode only(JsonNode page, String username) {
        JsonNode found = null;
        for (JsonNode item : page.get("items")) {
            if (item.get("username").asString().equals(username)) {
                found = item;
            }
        }
        assertThat(found).as(username + " in " + page).isNotNull();
        return found;
    }

    private static List<String> realmRoles(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonNode roles = JsonMapper.shared().readTree(payload).at("/realm_access/roles");
        return roles.isMissingNode() ? List.of() : roles.valueStream().map(JsonNode::asString).toList();
    }

    private static RealmUsers realmUsers() {
        return new RealmUsers(keycloak());
    }

    private static KeycloakEndpoint keycloak() {
        return TestInfrastructure.keycloak();
    }
}
