package org.opencrm.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.opencrm.permissions.Operation;
import org.opencrm.permissions.PermissionTable;
import org.springframework.http.HttpMethod;

/**
 * Checks the permission table against a running application with real Keycloak tokens: every operation is called by
 * a user of each CRM role, a signed-in user without a role, a partner client holding each scope alone, a partner
 * client without a CRM scope, and without a token. Allowed: anything but 401 and 403 (path variables are fresh UUIDs
 * and bodies empty objects, so 404 and 400 are fine); denied: 403; no token: 401. All mismatches are reported at once.
 * A service applies it in one line from its {@code AccessMatrixIT}; the gateway from {@code GatewayIT}.
 */
public final class PermissionMatrix {

    /** The dev realm's partner client and its secret (the local stack's default). */
    public static final String PARTNER_CLIENT = "crm-partner-demo";

    public static final String PARTNER_SECRET = "crm-partner-dev-secret";

    // plain HTTP/1.1: no h2c upgrade attempt on the servers under test
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PASSWORD = "Matrix-" + UUID.randomUUID();

    private static final Once<List<Caller>> CALLERS = new Once<>("the matrix's callers",
            () -> callers(PermissionTable.load(), TestInfrastructure.keycloak()));

    /** Who calls: a label for the report, a bearer token (or none) and which operations it may call. */
    public record Caller(String label, String token, Predicate<Operation> allowed) {
    }

    private final String baseUrl;

    private boolean serverErrorsAllowed;

    private PermissionMatrix(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The matrix against the application listening at this base URL, e.g. {@code http://127.0.0.1:<port>}. */
    public static PermissionMatrix against(String baseUrl) {
        return new PermissionMatrix(baseUrl);
    }

    /** Accepts 5xx for an allowed call: at the gateway, a service without an instance answers 503. */
    public PermissionMatrix allowingServerErrors() {
        this.serverErrorsAllowed = true;
        return this;
    }

    /** Calls every operation of this service (its {@code spring.application.name}) in the table. */
    public void verifyOperationsOf(String service) {
        List<Operation> operations = PermissionTable.load().operationsOf(service);
        if (operations.isEmpty()) {
            throw new AssertionError("the permission table has no operation of " + service);
        }
        verify(operations);
    }

    public void verify(List<Operation> operations) {
        awaitTokensAccepted(operations.get(0));
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            if (operation.isPublic()) {
                continue; // authenticated by the service itself (a signature), not by tokens: its own tests cover it
            }
            for (Caller caller : CALLERS.get()) {
                int status = call(operation, caller.token());
                calls++;
                String expected = caller.token() == null ? "401"
                        : caller.allowed().test(operation) ? "allowed" : "403";
                boolean ok = switch (expected) {
                    case "401" -> status == 401;
                    case "403" -> status == 403;
                    default -> status != 401 && status != 403 && (serverErrorsAllowed || status < 500);
                };
                if (!ok) {
                    mismatches.add(operation.name() + " (" + operation.method() + " " + operation.path() + ") as "
                            + caller.label() + ": expected " + expected + ", got " + status);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + calls + " calls disagree with the permission table:\n  "
                    + String.join("\n  ", mismatches));
        }
    }

    /**
     * Deny by default: requests that name no operation of the table ({@code "PATCH /api/v1/customers/{id}"}) are
     * refused for every caller with a token (403) and answered 401 without one, whoever would be allowed nearby.
     */
    public void verifyRefused(String... undeclared) {
        List<Operation> operations = new ArrayList<>();
        for (String request : undeclared) {
            String[] parts = request.split(" ", 2);
            Operation operation = Operation.of("undeclared " + request, "none", HttpMethod.valueOf(parts[0]), parts[1],
                    Set.of(), Set.of());
            if (PermissionTable.load().find(operation.method(), operation.path()).isPresent()) {
                throw new IllegalArgumentException(request + " is in the permission table");
            }
            operations.add(operation);
        }
        verify(operations);
    }

    /**
     * The application fetches Keycloak's metadata on the first token it sees; on a busy machine that first fetch can
     * time out (500), which says nothing about the table.
     */
    private void awaitTokensAccepted(Operation operation) {
        String token = CALLERS.get().get(0).token();
        Awaitility.await("a first bearer call that does not fail").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> call(operation, token) < 500);
    }

    private int call(Operation operation, String token) {
        String path = operation.path().replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
        boolean withBody = operation.method().name().equals("POST") || operation.method().name().equals("PUT")
                || operation.method().name().equals("PATCH");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json")
                .method(operation.method().name(), withBody ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return statusOf(request.build());
        }
        catch (IOException ex) {
            throw new IllegalStateException(operation.method() + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    /** An event stream never ends: its status is the decision, its body is left unread. */
    private static int statusOf(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        }
        return response.statusCode();
    }

    private static List<Caller> callers(PermissionTable table, KeycloakEndpoint keycloak) {
        KeycloakUsers users = new KeycloakUsers(keycloak);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Caller> callers = new ArrayList<>();
        for (String role : table.roles()) {
            String username = "matrix-" + role + "-" + run;
            users.create(username, PASSWORD, List.of(role));
            callers.add(new Caller("user with role " + role, keycloak.passwordToken(username, PASSWORD),
                    operation -> operation.permitsRole(role)));
        }
        String nobody = "matrix-no-role-" + run;
        users.create(nobody, PASSWORD, List.of());
        callers.add(new Caller("signed-in user without a CRM role", keycloak.passwordToken(nobody, PASSWORD),
                Operation::signedIn));
        for (String scope : table.scopes()) {
            callers.add(new Caller("partner with scope " + scope,
                    keycloak.clientCredentialsToken(PARTNER_CLIENT, PARTNER_SECRET, scope),
                    operation -> operation.permitsScope(scope)));
        }
        callers.add(new Caller("partner without a CRM scope",
                keycloak.clientCredentialsToken(PARTNER_CLIENT, PARTNER_SECRET), Operation::signedIn));
        callers.add(new Caller("no token", null, operation -> false));
        return List.copyOf(callers);
    }
}
