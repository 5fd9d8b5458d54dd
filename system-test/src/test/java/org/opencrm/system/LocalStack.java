package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole local stack, started with {@code ./crm up} on free ports as a developer would, and stopped with
 * {@code ./crm down}. Tests get it through {@link LocalStackExtension}, which starts it once per test run.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration STACK_START_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration STACK_STOP_TIMEOUT = Duration.ofMinutes(3);
    /** Besides one port per service of {@code config-repo/services.yml} ({@link ServiceList}). */
    private static final List<String> PLATFORM_PORT_VARIABLES = List.of("CRM_GATEWAY_PORT",
            "CRM_GATEWAY_MANAGEMENT_PORT", "CRM_DISCOVERY_PORT", "CRM_CONFIG_PORT");
    private static final List<String> INFRASTRUCTURE_PORT_VARIABLES = List.of("CRM_KEYCLOAK_PORT",
            "CRM_KEYCLOAK_MGMT_PORT", "CRM_PG_PORT", "CRM_KAFKA_PORT", "CRM_KAFKA_CONTROLLER_PORT", "CRM_REDIS_PORT",
            "CRM_S3_PORT");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path projectRoot;
    private final Path workDir;
    private final ServiceList services;
    private final Map<String, String> environment;
    /** The work dir of the test infrastructure the stack runs on; null when it runs its own. */
    private final Path testInfrastructure;

    private LocalStack(Path projectRoot, Path workDir, ServiceList services, Map<String, String> environment,
            Path testInfrastructure) {
        this.projectRoot = projectRoot;
        this.workDir = workDir;
        this.testInfrastructure = testInfrastructure;
        this.services = services;
        this.environment = environment;
    }

    static LocalStack start() {
        try {
            Path root = findProjectRoot();
            Path work = root.resolve("system-test/target/stack");
            Files.createDirectories(work);
            ServiceList services = ServiceList.read(root);
            Path testInfrastructure = runningTestInfrastructure();
            List<String> portVariables = new ArrayList<>(PLATFORM_PORT_VARIABLES);
            if (testInfrastructure == null) {
                portVariables.addAll(INFRASTRUCTURE_PORT_VARIABLES);
            }
            services.services().forEach(service -> portVariables.add(service.portVariable()));
            Map<String, String> environment = new LinkedHashMap<>(freePorts(portVariables));
            if (testInfrastructure != null) {
                environment.putAll(portsOf(root, testInfrastructure));
            }
            environment.put("CRM_WORK_DIR", work.toString());
            environment.put("CRM_UP_TIMEOUT", "600");
            // every build repackages the jars, which invalidates start-up caches: training them would only cost time
            environment.put("CRM_AOT", "off");
            // minutes of traffic never repay the gateway's optimizing compiler, which took CPU the browser needs
            environment.put("CRM_GATEWAY_C2", "off");
            LocalStack stack = new LocalStack(root, work, services, environment, testInfrastructure);
            System.out.println("Starting the local stack: " + environment);
            // a fresh start: whatever an earlier run left (processes, data of an older schema) goes first
            stack.runCrm(STACK_STOP_TIMEOUT, "down", "--wipe");
            int exit = testInfrastructure == null
                    ? stack.runCrm(STACK_START_TIMEOUT, "up", "--no-build")
                    : stack.runCrm(STACK_START_TIMEOUT, "up", "--no-build", "--test-infra");
            if (exit != 0) {
                stack.printLogTails();
                stack.runCrm(STACK_STOP_TIMEOUT, "down");
                throw new IllegalStateException("./crm up --no-build failed with exit code " + exit
                        + "; see " + work.resolve("crm-up.out") + " and " + work.resolve("logs"));
            }
            stack.awaitRoutesReady();
            stack.awaitDemoData();
            return stack;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        }
    }

    @Override
    public void close() throws Exception {
        runCrm(STACK_STOP_TIMEOUT, "down");
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /**
     * Where {@code ./crm} keeps one pid file per process of the stack: its work dir's, and the test infrastructure's
     * when the stack runs on that.
     */
    public List<Path> pidDirs() {
        return testInfrastructure == null ? List.of(workDir.resolve("pids"))
                : List.of(workDir.resolve("pids"), testInfrastructure.resolve("pids"));
    }

    public String port(String variable) {
        return environment.get(variable);
    }

    /** The services the stack runs ({@code config-repo/services.yml}). */
    ServiceList services() {
        return services;
    }

    public URI gateway(String pathAndQuery) {
        return URI.create(gatewayUrl() + pathAndQuery);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + environment.get("CRM_GATEWAY_PORT");
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + environment.get("CRM_KEYCLOAK_PORT");
    }

    public String passwordGrantToken(String username, String password) throws IOException, InterruptedException {
        return passwordGrantToken("crm-dev", username, password);
    }

    /** An access token of {@code client} for a demo user (the gateway limits requests per client and user). */
    public String passwordGrantToken(String client, String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + client + "&username=" + username + "&password=" + password;
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl() + "/realms/crm/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** GET of {@code path} through the gateway with a bearer token. */
    public HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway(path)).header("Authorization", "Bearer " + token).GET());
    }

    /** POST of a JSON body to {@code path} through the gateway with a bearer token and an idempotency key. */
    public HttpResponse<String> post(String token, String path, String idempotencyKey, Map<String, String> body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Right after start-up the gateway may not have discovered every service yet: wait until it routes. */
    private void awaitRoutesReady() throws IOException, InterruptedException {
        String token = passwordGrantToken("admin", "crm-demo");
        for (String path : List.of("/api/v1/customers?size=1", "/api/v1/activities?size=1")) {
            await("GET " + path + " routed by the gateway")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> send(HttpRequest.newBuilder(gateway(path))
                            .header("Authorization", "Bearer " + token).GET()).statusCode(), status -> status == 200);
        }
    }

    /**
     * The demo leads and payments of {@code ./crm up} (CRM_DEMO_LEADS, CRM_DEMO_PAYMENTS): lead- and payment-service
     * record them only into an empty database, once the demo customers' events stopped arriving. A test that wrote its
     * own lead or payment before that left the stack without them (on a slow run).
     */
    private void awaitDemoData() throws IOException, InterruptedException {
        String token = passwordGrantToken("manager", "crm-demo");
        for (String path : List.of("/api/v1/leads?size=1", "/api/v1/payments?size=1")) {
            await("the demo data at GET " + path).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> JSON.readTree(get(token, path).body()).path("items").size(), items -> items > 0);
        }
    }

    /**
     * Under {@code ./crm test} the modules' test infrastructure runs already: the stack then runs on it ({@code ./crm up
     * --test-infra}) instead of starting a second PostgreSQL, Kafka, Keycloak, Redis and S3. Null when the system tests
     * run alone: the stack starts its own.
     */
    private static Path runningTestInfrastructure() {
        String workDir = System.getenv("CRM_TEST_WORK_DIR");
        return workDir != null && Files.isRegularFile(Path.of(workDir, "ports.env")) ? Path.of(workDir) : null;
    }

    /** The ports the test infrastructure chose at its start, as {@code ./crm infra env --test} prints them. */
    private static Map<String, String> portsOf(Path root, Path testInfrastructure)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("crm").toString(), "infra", "env", "--test")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
        builder.environment().put("CRM_TEST_WORK_DIR", testInfrastructure.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("./crm infra env --test: " + output).isZero();
        Map<String, String> ports = new LinkedHashMap<>();
        output.lines().map(line -> line.split("=", 2))
                .filter(assignment -> assignment.length == 2 && INFRASTRUCTURE_PORT_VARIABLES.contains(assignment[0]))
                .forEach(assignment -> ports.put(assignment[0], assignment[1].strip()));
        assertThat(ports.keySet()).as("the ports ./crm infra env --test printed: " + output)
                .containsAll(INFRASTRUCTURE_PORT_VARIABLES);
        return ports;
    }

    private static Map<String, String> freePorts(List<String> variables) throws IOException {
        // hold every socket until all ports are chosen so that no port is handed out twice
        List<ServerSocket> sockets = new ArrayList<>();
        Map<String, String> ports = new LinkedHashMap<>();
        try {
            for (String variable : variables) {
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

    /** Runs a command with the stack's environment, its output in {@code <work dir>/<name>.out}. */
    public int run(String name, Duration timeout, Path directory, Map<String, String> extraEnvironment,
            List<String> command) throws IOException, InterruptedException {
        Path output = workDir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        System.out.println("--- " + String.join(" ", command) + " ---");
        System.out.println(Files.readString(output));
        if (!finished) {
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    private int runCrm(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", projectRoot.resolve("crm").toString()));
        command.addAll(List.of(args));
        return run("crm-" + args[0], timeout, projectRoot, Map.of(), command);
    }

    void printLogTails() {
        Path logs = workDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
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

    static Path findProjectRoot() {
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
}
