package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole local stack with {@code ./crm up} on free ports, as a developer would, and drives a
 * business flow through the gateway with real tokens from Keycloak.
 */
@ExtendWith(LocalStackSystemIT.PrintLogsOnFailure.class)
class LocalStackSystemIT {

    private static final Duration STACK_START_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration STACK_STOP_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> PORT_VARIABLES = List.of("CRM_GATEWAY_PORT", "CRM_DISCOVERY_PORT",
            "CRM_CONFIG_PORT", "CRM_CUSTOMER_PORT", "CRM_LEAD_PORT", "CRM_ACTIVITY_PORT", "CRM_PAYMENT_PORT",
            "CRM_NOTIFICATION_PORT", "CRM_REPORTING_PORT", "CRM_KEYCLOAK_PORT", "CRM_KEYCLOAK_MGMT_PORT",
            "CRM_PG_PORT", "CRM_KAFKA_PORT", "CRM_KAFKA_CONTROLLER_PORT", "CRM_REDIS_PORT");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static Path projectRoot;
    private static Path workDir;
    private static Map<String, String> stackEnvironment;

    @BeforeAll
    static void startStack() throws Exception {
        projectRoot = findProjectRoot();
        workDir = projectRoot.resolve("system-test/target/stack");
        Files.createDirectories(workDir);
        stackEnvironment = new LinkedHashMap<>(freePorts());
        stackEnvironment.put("CRM_WORK_DIR", workDir.toString());
        stackEnvironment.put("CRM_UP_TIMEOUT", "600");
        // every build repackages the jars, which invalidates start-up caches: training them would only cost time
        stackEnvironment.put("CRM_AOT", "off");
        System.out.println("Starting the local stack: " + stackEnvironment);

        int exit = runCrm(STACK_START_TIMEOUT, "up", "--no-build");
        if (exit != 0) {
            printLogTails();
            throw new IllegalStateException("./crm up --no-build failed with exit code " + exit
                    + "; see " + workDir.resolve("crm-up.out") + " and " + workDir.resolve("logs"));
        }
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (workDir != null) {
            runCrm(STACK_STOP_TIMEOUT, "down");
        }
    }

    @Test
    void rejectsRequestWithoutTokenWith401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/v1/customers")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void createsCustomerAndRecordsActivityThroughGateway() throws Exception {
        String token = passwordGrantToken("sales1", "crm-demo");
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String customer = json.writeValueAsString(Map.of(
                "name", "Ada Lovelace", "email", email, "phone", "+44 20 7946 0000"));
        String idempotencyKey = UUID.randomUUID().toString();

        // the gateway may not have discovered the service yet right after start-up: retry until it routes
        HttpResponse<String> created = await("POST /api/v1/customers routed by the gateway")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> send(HttpRequest.newBuilder(gateway("/api/v1/customers"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", idempotencyKey)
                                .POST(HttpRequest.BodyPublishers.ofString(customer))),
                        response -> !isGatewayNotReady(response.statusCode()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String customerId = json.readTree(created.body()).path("id").asString();
        assertThat(customerId).isNotBlank();
        String traceId = created.headers().firstValue("X-Trace-Id").orElseThrow();

        URI activities = gateway("/api/v1/activities?customerId=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        await("activity customer.created for customer " + customerId)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> response = send(HttpRequest.newBuilder(activities)
                            .header("Authorization", "Bearer " + token).GET());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(activityItems(json.readTree(response.body())))
                            .anySatisfy(activity -> {
                                assertThat(activity.path("action").asString()).isEqualTo("customer.created");
                                assertThat(activity.path("customerId").asString()).isEqualTo(customerId);
                                // one trace: gateway -> customer-service -> outbox -> Kafka -> activity-service
                                assertThat(activity.path("correlationId").asString()).isEqualTo(traceId);
                            });
                });
    }

    // --- Keycloak and the gateway ---

    private static String passwordGrantToken(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=crm-dev&username=" + username + "&password=" + password;
        URI tokenEndpoint = URI.create("http://127.0.0.1:" + stackEnvironment.get("CRM_KEYCLOAK_PORT")
                + "/realms/crm/protocol/openid-connect/token");
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    private static URI gateway(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + stackEnvironment.get("CRM_GATEWAY_PORT") + pathAndQuery);
    }

    private static boolean isGatewayNotReady(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The activities endpoint answers a plain array or a page object with an {@code items} array. */
    private static List<JsonNode> activityItems(JsonNode body) {
        JsonNode items = body.isArray() ? body : body.path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    // --- the stack ---

    private static Map<String, String> freePorts() throws IOException {
        // hold every socket until all ports are chosen so that no port is handed out twice
        List<ServerSocket> sockets = new ArrayList<>();
        Map<String, String> ports = new LinkedHashMap<>();
        try {
            for (String variable : PORT_VARIABLES) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.put(variable, String.valueOf(socket.getLocalPort()));
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }

    private static int runCrm(Duration timeout, String... args) throws IOException, InterruptedException {
        Path output = workDir.resolve("crm-" + args[0] + ".out");
        List<String> command = new ArrayList<>(List.of("bash", projectRoot.resolve("crm").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
        builder.environment().putAll(stackEnvironment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println("--- ./crm " + String.join(" ", args) + " ---");
        System.out.println(Files.readString(output));
        if (!finished) {
            throw new IllegalStateException("./crm " + String.join(" ", args) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    static void printLogTails() {
        Path logs = workDir == null ? null : workDir.resolve("logs");
        if (logs == null || !Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            files.filter(file -> file.toString().endsWith(".log")).sorted().forEach(file -> {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    System.out.println("--- last lines of " + file + " ---");
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
                } catch (IOException | RuntimeException e) {
                    System.out.println("--- cannot read " + file + ": " + e);
                }
            });
        } catch (IOException e) {
            System.out.println("cannot list " + logs + ": " + e);
        }
    }

    private static Path findProjectRoot() {
        String configured = System.getProperty("crm.project.root");
        if (configured != null && Files.isRegularFile(Paths.get(configured, "crm"))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("crm")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory holding ./crm)");
    }

    /** Prints the tail of every process log when a test fails. */
    static class PrintLogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogTails();
        }
    }
}
