package org.opencrm.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart as Helm renders it (Helm's own code, through helm-java), checked object by object. */
class ChartTest {

    private static final Path CHART = Path.of("crm");
    private static final Path CONFIG_REPO = Path.of("..", "config-repo");
    private static final List<String> COMPONENTS = List.of("discovery", "config-server", "gateway", "customer-service",
            "lead-service", "activity-service", "payment-service", "notification-service", "reporting-service");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "StatefulSet", StatefulSet.class, "Service", Service.class, "PodDisruptionBudget",
            PodDisruptionBudget.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "ConfigMap",
            ConfigMap.class, "Secret", Secret.class, "Ingress", Ingress.class, "NetworkPolicy", NetworkPolicy.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void passesHelmLintStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint: %s", lint.getMessages()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void runsEveryComponentNonRootWithProbesAndLimits(String values) {
        List<HasMetadata> objects = render(values);

        List<PodTemplateSpec> pods = workloads(objects);
        assertThat(pods).extracting(pod -> pod.getMetadata().getLabels().get("app.kubernetes.io/name"))
            .containsExactlyInAnyOrderElementsOf(COMPONENTS);
        for (PodTemplateSpec pod : pods) {
            PodSpec spec = pod.getSpec();
            assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(spec.getAutomountServiceAccountToken()).isFalse();
            for (Container container : spec.getContainers()) {
                String name = container.getName();
                assertThat(container.getStartupProbe()).as("%s startup probe", name).isNotNull();
                assertThat(container.getLivenessProbe()).as("%s liveness probe", name).isNotNull();
                assertThat(container.getReadinessProbe()).as("%s readiness probe", name).isNotNull();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertThat(requests).as("%s requests", name).containsKeys("cpu", "memory");
                assertThat(limits).as("%s limits", name).containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(container.getLifecycle().getPreStop()).as("%s drains before it stops", name).isNotNull();
            }
        }
    }

    @Test
    void deploysEveryServiceOfTheServiceList() throws IOException {
        List<String> services = new ArrayList<>();
        YAML.readTree(CONFIG_REPO.resolve("services.yml").toFile()).path("crm").path("services").fieldNames()
            .forEachRemaining(services::add);

        assertThat(services).isNotEmpty();
        assertThat(workloads(render("values.yaml")))
            .extracting(pod -> pod.getMetadata().getLabels().get("app.kubernetes.io/name"))
            .as("a component in values.yaml for each service of config-repo/services.yml")
            .containsAll(services);
    }

    @Test
    void keepsEveryComponentAvailableDuringDisruptionsAndScalesTheStatelessOnes() {
        List<HasMetadata> objects = render("values.yaml");

        List<PodDisruptionBudget> budgets = ofType(objects, PodDisruptionBudget.class);
        for (PodTemplateSpec pod : workloads(objects)) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            assertThat(budgets).as("a PodDisruptionBudget selecting %s", labels)
                .anySatisfy(budget -> assertThat(labels)
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels()));
        }
        List<String> scaled = ofType(objects, HorizontalPodAutoscaler.class).stream()
            .map(hpa -> hpa.getSpec().getScaleTargetRef().getName()).toList();
        List<String> deployments = ofType(objects, Deployment.class).stream()
            .map(deployment -> deployment.getMetadata().getName()).toList();
        assertThat(scaled).contains("crm-gateway", "crm-customer-service", "crm-lead-service",
            "crm-activity-service", "crm-payment-service", "crm-reporting-service");
        assertThat(deployments).containsAll(scaled);
        ofType(objects, Deployment.class).stream()
            .filter(deployment -> scaled.contains(deployment.getMetadata().getName()))
            .forEach(deployment -> assertThat(deployment.getSpec().getReplicas())
                .as("%s: the autoscaler owns its replicas", deployment.getMetadata().getName()).isNull());
    }

    @Test
    void peersTheRegistryReplicasAndPointsEveryClientAtAllOfThem() {
        List<HasMetadata> objects = render("values.yaml");

        StatefulSet discovery = ofType(objects, StatefulSet.class).get(0);
        assertThat(discovery.getSpec().getReplicas()).isEqualTo(2);
        for (PodTemplateSpec pod : workloads(objects)) {
            assertThat(env(pod, "CRM_EUREKA_URL"))
                .contains("@crm-discovery-0.crm-discovery:8761/eureka/")
                .contains("@crm-discovery-1.crm-discovery:8761/eureka/")
                .contains("$(CRM_DISCOVERY_USER):$(CRM_DISCOVERY_PASSWORD)");
        }
    }

    @Test
    void servesTheRepositorysConfigRepoToTheConfigServer() throws IOException {
        ConfigMap configRepo = ofType(render("values.yaml"), ConfigMap.class).stream()
            .filter(map -> map.getMetadata().getName().equals("crm-config-repo")).findFirst().orElseThrow();

        try (Stream<Path> files = Files.list(CONFIG_REPO)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yml")).toList()) {
                assertThat(configRepo.getData()).containsEntry(file.getFileName().toString(),
                    Files.readString(file).stripTrailing());
            }
        }
    }

    @Test
    void holdsNoSecretAndTakesEveryCredentialFromTheExistingSecret() {
        List<HasMetadata> objects = render("values-production.yaml");

        assertThat(ofType(objects, Secret.class)).isEmpty();
        for (PodTemplateSpec pod : workloads(objects)) {
            for (EnvVar variable : pod.getSpec().getContainers().get(0).getEnv()) {
                if (variable.getName().matches(".*(PASSWORD|SECRET|_KEY|_USER)$")) {
                    assertThat(variable.getValue()).as("%s is not written into the manifest", variable.getName())
                        .isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("crm-production");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void givesTheGatewayKeycloaksOriginForItsContentSecurityPolicy(String values) {
        List<HasMetadata> objects = render(values);

        String expected = values.equals("values.yaml") ? "http://keycloak:8080" : "https://auth.example.com";
        assertThat(env(gateway(objects), "CRM_KEYCLOAK_ORIGIN")).isEqualTo(expected);
    }

    @Test
    void connectsTheGatewayToRedisOverTlsTrustingTheGivenCa() {
        PodTemplateSpec plain = gateway(render("values.yaml"));
        assertThat(plain.getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
            .doesNotContain("CRM_REDIS_TLS", "CRM_REDIS_SSL_BUNDLE");

        PodTemplateSpec tls = gateway(render("values.yaml", command -> command
            .set("infrastructure.redis.tls.enabled", "true").set("infrastructure.redis.tls.caSecret", "redis-ca")));

        assertThat(env(tls, "CRM_REDIS_TLS")).isEqualTo("true");
        // config-repo/gateway.yml's SSL bundle "redis" reads the CA from this mount
        assertThat(env(tls, "CRM_REDIS_SSL_BUNDLE")).isEqualTo("redis");
        assertThat(tls.getSpec().getContainers().get(0).getVolumeMounts())
            .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/crm/redis-ca"));
        assertThat(tls.getSpec().getVolumes()).filteredOn(volume -> volume.getSecret() != null).singleElement()
            .satisfies(volume -> {
                assertThat(volume.getSecret().getSecretName()).isEqualTo("redis-ca");
                assertThat(volume.getSecret().getItems()).singleElement()
                    .satisfies(item -> assertThat(item.getPath()).isEqualTo("ca.crt"));
            });
    }

    private static PodTemplateSpec gateway(List<HasMetadata> objects) {
        return workloads(objects).stream()
            .filter(pod -> pod.getMetadata().getLabels().get("app.kubernetes.io/name").equals("gateway")).findFirst()
            .orElseThrow();
    }

    @Test
    void tagsEveryImageWithTheReleasedVersion() {
        List<HasMetadata> objects = render("values.yaml", command -> command.set("image.tag", "3f2a9c1"));

        for (PodTemplateSpec pod : workloads(objects)) {
            String name = pod.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertThat(pod.getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/opencrm/crm/" + name + ":3f2a9c1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void routesOnlyHttpsToTheGatewayWithItsLimits(String values) throws IOException {
        List<Ingress> ingresses = ofType(render(values), Ingress.class);

        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        List<IngressBackend> backends = ingress.getSpec().getRules().stream()
            .flatMap(rule -> rule.getHttp().getPaths().stream()).map(HTTPIngressPath::getBackend).toList();
        assertThat(backends).isNotEmpty().allSatisfy(backend -> {
            assertThat(backend.getService().getName()).isEqualTo("crm-gateway");
            assertThat(backend.getService().getPort().getName()).isEqualTo("http");
        });
        assertThat(ingress.getSpec().getDefaultBackend()).isNull();
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
            assertThat(tls.getSecretName()).isEqualTo("crm-tls");
        });
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/force-ssl-redirect", "true")
            .containsEntry("nginx.ingress.kubernetes.io/ssl-redirect", "true")
            .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");

        JsonNode gateway = YAML.readTree(CONFIG_REPO.resolve("gateway.yml").toFile());
        long largestBody = 0;
        for (JsonNode limit : gateway.at("/crm/gateway/request-size/routes")) {
            largestBody = Math.max(largestBody, bytes(limit.asText()));
        }
        largestBody = Math.max(largestBody, bytes(gateway.at("/crm/gateway/request-size/max").asText()));
        assertThat(bytes(annotations.get("nginx.ingress.kubernetes.io/proxy-body-size")))
            .as("the controller lets through the gateway's largest body").isEqualTo(largestBody);
        long longestLimit = Duration.parse("PT" + gateway.at("/spring/cloud/gateway/server/webflux/httpclient/response-timeout")
            .asText().toUpperCase()).toSeconds();
        for (JsonNode limiter : gateway.at("/resilience4j/timelimiter/instances")) {
            longestLimit = Math.max(longestLimit,
                Duration.parse("PT" + limiter.path("timeout-duration").asText().toUpperCase()).toSeconds());
        }
        assertThat(gateway.at("/crm/gateway/security-headers/strict-transport-security").asText())
            .as("HSTS behind the ingress: the gateway sends it on every response (ingress-nginx has no annotation)")
            .matches("max-age=(3153600\\d|[4-9]\\d{7}|\\d{9,}).*");
        assertThat(gateway.at("/spring/cloud/gateway/server/webflux/routes").findValuesAsText("id"))
            .as("the long-lived stream route whose heartbeats the read timeout must outlast").contains("reports-stream");
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            assertThat(Long.parseLong(annotations.get("nginx.ingress.kubernetes.io/" + timeout)))
                .as("%s above the gateway's longest time limit (%d s)", timeout, longestLimit)
                .isGreaterThan(longestLimit);
        }
        if (values.equals("values-production.yaml")) {
            assertThat(annotations).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt-production");
        }
        else {
            assertThat(annotations).doesNotContainKeys("cert-manager.io/cluster-issuer", "cert-manager.io/issuer");
        }
    }

    @Test
    void takesTheIngressClassAndAnExistingCertificateFromValues() {
        Ingress ingress = ofType(render("values.yaml", command -> command.set("ingress.className", "traefik")
            .set("ingress.tls.secretName", "crm-wildcard").set("ingress.tls.certManager.issuer", "internal-ca")
            .set("ingress.tls.certManager.issuerKind", "Issuer")), Ingress.class).get(0);

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("traefik");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("crm-wildcard");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/issuer", "internal-ca")
            .doesNotContainKey("nginx.ingress.kubernetes.io/proxy-body-size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void deniesEveryPodOfTheReleaseWhatIsNotAllowed(String values) {
        List<HasMetadata> objects = render(values);
        List<NetworkPolicy> policies = ofType(objects, NetworkPolicy.class);

        NetworkPolicy denyAll = policies.stream().filter(policy -> policy.getMetadata().getName().equals("crm-default-deny"))
            .findFirst().orElseThrow();
        assertThat(denyAll.getSpec().getPodSelector().getMatchLabels())
            .containsExactly(Map.entry("app.kubernetes.io/instance", "crm"));
        assertThat(denyAll.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(denyAll.getSpec().getIngress()).isNullOrEmpty();
        assertThat(denyAll.getSpec().getEgress()).isNullOrEmpty();
        for (PodTemplateSpec pod : workloads(objects)) {
            assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(policy(objects,
                pod.getMetadata().getLabels().get("app.kubernetes.io/name")).getSpec().getPodSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void letsOnlyTheIngressControllerReachTheGatewayAndOnlyTheGatewayTheServices(String values) {
        List<HasMetadata> objects = render(values);

        List<NetworkPolicyIngressRule> gateway = policy(objects, "gateway").getSpec().getIngress();
        assertThat(gateway).hasSize(2);
        assertThat(gateway.get(0).getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                .containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx"));
            assertThat(peer.getIpBlock()).isNull();
        });
        assertThat(ports(gateway.get(0).getPorts())).containsExactly("http");
        assertThat(scraper(gateway.get(1))).isTrue();
        assertThat(ports(gateway.get(1).getPorts())).as("the scraper reaches the management port only")
            .containsExactly("management");
        for (String service : COMPONENTS.subList(3, COMPONENTS.size())) {
            List<NetworkPolicyIngressRule> rules = policy(objects, service).getSpec().getIngress();
            assertThat(rules).as(service).hasSize(2);
            assertThat(rules.get(0).getFrom()).singleElement().satisfies(peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", "gateway").containsEntry("app.kubernetes.io/instance", "crm");
            });
            assertThat(ports(rules.get(0).getPorts())).containsExactly("http");
            assertThat(scraper(rules.get(1))).as("%s: the scraper", service).isTrue();
        }
        for (String shared : List.of("discovery", "config-server")) {
            NetworkPolicyIngressRule fromRelease = policy(objects, shared).getSpec().getIngress().get(0);
            assertThat(fromRelease.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getPodSelector()
                .getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/instance", "crm")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void letsEachComponentReachOnlyDnsTheReleaseAndItsInfrastructure(String values) {
        List<HasMetadata> objects = render(values);

        for (String service : COMPONENTS.subList(3, COMPONENTS.size())) {
            List<NetworkPolicyEgressRule> egress = policy(objects, service).getSpec().getEgress();
            assertThat(egressPorts(egress)).as(service).contains("53", "5432", "9092").doesNotContain("6379");
            int infrastructure = service.equals("customer-service") ? 4 : 3; // + S3
            int tracing = values.equals("values-production.yaml") ? 1 : 0;
            assertThat(egress).as("%s: DNS, the release, its infrastructure and nothing else", service)
                .hasSize(2 + infrastructure + tracing);
            assertThat(egress.get(1).getTo()).extracting(peer -> peer.getPodSelector().getMatchLabels()
                .get("app.kubernetes.io/name")).containsExactly("discovery", "config-server");
        }
        List<NetworkPolicyEgressRule> gateway = policy(objects, "gateway").getSpec().getEgress();
        assertThat(egressPorts(gateway)).contains("53", "6379").doesNotContain("5432", "9092");
        if (values.equals("values-production.yaml")) {
            NetworkPolicyEgressRule database = policy(objects, "lead-service").getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains("5432")).findFirst().orElseThrow();
            assertThat(database.getTo()).singleElement().satisfies(peer -> {
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "databases");
                assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("cnpg.io/cluster", "crm-postgres");
            });
            NetworkPolicyEgressRule s3 = policy(objects, "customer-service").getSpec().getEgress().stream()
                .filter(rule -> rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null
                    && peer.getIpBlock().getCidr().equals("0.0.0.0/0"))).findFirst().orElseThrow();
            assertThat(s3.getTo().get(0).getIpBlock().getExcept()).contains("10.0.0.0/8");
            assertThat(egressPorts(policy(objects, "gateway").getSpec().getEgress()))
                .as("traces to the collector").contains("4318");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void scrapesTheServicesWithATokenAndTheGatewayOnItsManagementPort(String values) {
        List<HasMetadata> objects = render(values);
        List<JsonNode> serviceMonitors = generic(objects, "ServiceMonitor");
        List<JsonNode> podMonitors = generic(objects, "PodMonitor");

        if (values.equals("values.yaml")) {
            assertThat(serviceMonitors).as("off unless the Prometheus Operator is there").isEmpty();
            assertThat(podMonitors).isEmpty();
            return;
        }
        assertThat(serviceMonitors).extracting(monitor -> monitor.at("/metadata/name").asText())
            .containsExactlyInAnyOrder("crm-customer-service", "crm-lead-service", "crm-activity-service",
                "crm-payment-service", "crm-notification-service", "crm-reporting-service");
        List<Service> services = ofType(objects, Service.class);
        for (JsonNode monitor : serviceMonitors) {
            assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
            String component = monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText();
            assertThat(services).as("a Service for %s", component).anySatisfy(service -> {
                assertThat(service.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", component);
                assertThat(service.getSpec().getPorts()).extracting(port -> port.getName()).contains("http");
            });
            JsonNode endpoint = monitor.at("/spec/endpoints/0");
            assertThat(endpoint.path("port").asText()).isEqualTo("http");
            assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
            assertThat(endpoint.at("/oauth2/tokenUrl").asText())
                .isEqualTo("https://auth.example.com/realms/crm/protocol/openid-connect/token");
            assertThat(endpoint.at("/oauth2/clientId/secret/name").asText()).isEqualTo("crm-metrics-client");
            assertThat(endpoint.at("/oauth2/clientSecret/name").asText()).isEqualTo("crm-metrics-client");
        }
        assertThat(podMonitors).singleElement().satisfies(monitor -> {
            assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("gateway");
            assertThat(monitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("management");
            assertThat(monitor.at("/spec/podMetricsEndpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        });
        PodTemplateSpec gateway = workloads(objects).stream()
            .filter(pod -> pod.getMetadata().getLabels().get("app.kubernetes.io/name").equals("gateway")).findFirst()
            .orElseThrow();
        assertThat(gateway.getSpec().getContainers().get(0).getPorts())
            .anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
        assertThat(env(gateway, "CRM_GATEWAY_MANAGEMENT_PORT")).isEqualTo("9080");
        assertThat(ofType(objects, Service.class)).flatExtracting(service -> service.getSpec().getPorts())
            .extracting(port -> port.getName()).as("no Service exposes the gateway's actuator").doesNotContain("management");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void shipsTheGrafanaDashboardOfRequestsLagOutboxAndDeadLetters(String values) throws IOException {
        List<ConfigMap> dashboards = ofType(render(values), ConfigMap.class).stream()
            .filter(map -> map.getMetadata().getLabels().containsKey("grafana_dashboard")).toList();

        if (values.equals("values.yaml")) {
            assertThat(dashboards).isEmpty();
            return;
        }
        assertThat(dashboards).singleElement().satisfies(map -> {
            assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
            assertThat(map.getMetadata().getAnnotations()).containsEntry("grafana_folder", "CRM");
        });
        String json = dashboards.get(0).getData().get("crm.json");
        assertThat(json).isEqualTo(Files.readString(CHART.resolve("dashboards/crm.json")).stripTrailing());
        JsonNode dashboard = new ObjectMapper().readTree(json);
        List<String> expressions = dashboard.findValuesAsText("expr");
        String platformReadme = Files.readString(Path.of("..", "platform", "README.md"));
        for (String metric : List.of("http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
                "kafka_consumer_fetch_manager_records_lag_max", "crm_outbox_oldest_unpublished_age_seconds",
                "crm_events_dead_lettered_total")) {
            assertThat(expressions).as("a panel on %s", metric).anySatisfy(expr -> assertThat(expr).contains(metric));
            if (!metric.startsWith("http_")) {
                assertThat(platformReadme).as("%s is a metric the services publish", metric).contains(metric);
            }
        }
    }

    private static final List<String> OPERATOR_KINDS = List.of("Cluster", "Database", "Kafka", "KafkaNodePool",
        "KafkaTopic", "KeycloakRealmImport");

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void connectsToExternalInfrastructureUnlessTheOperatorsAreAskedFor(String values) {
        List<HasMetadata> objects = render(values);

        for (String kind : OPERATOR_KINDS) {
            assertThat(generic(objects, kind)).as(kind).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void offersAPostgresClusterWithOneDatabasePerService(String values) throws IOException {
        List<HasMetadata> objects = render(values, command -> command.set("operators.cloudNativePG.enabled", "true"));

        JsonNode cluster = generic(objects, "Cluster").get(0);
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(cluster.at("/spec/minSyncReplicas").asInt()).isEqualTo(1);
        assertThat(cluster.at("/spec/managed/roles/0/name").asText()).isEqualTo("crm");
        assertThat(cluster.at("/spec/managed/roles/0/passwordSecret/name").asText()).isEqualTo("crm-postgres-owner");
        List<String> databases = new ArrayList<>();
        YAML.readTree(CONFIG_REPO.resolve("services.yml").toFile()).at("/crm/services")
            .forEach(service -> databases.add(service.path("database").asText()));
        assertThat(generic(objects, "Database")).extracting(database -> database.at("/spec/name").asText())
            .containsExactlyInAnyOrderElementsOf(databases);
        assertThat(generic(objects, "Database")).allSatisfy(database -> {
            assertThat(database.at("/spec/owner").asText()).isEqualTo("crm");
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo("crm-postgres");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void offersAKafkaClusterWithTheEventTopicsReplicatedThreeTimes(String values) throws IOException {
        List<HasMetadata> objects = render(values, command -> command.set("operators.strimzi.enabled", "true"));

        Set<String> published = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        JsonNode services = YAML.readTree(CONFIG_REPO.resolve("services.yml").toFile()).at("/crm/services");
        for (String service : (Iterable<String>) () -> services.fieldNames()) {
            String publish = YAML.readTree(CONFIG_REPO.resolve(service + ".yml").toFile()).at("/crm/events/publish")
                .asText();
            Stream.of(publish.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).forEach(published::add);
            services.path(service).path("consumes").forEach(topic -> consumed.add(topic.asText()));
        }
        assertThat(published).contains("crm.customer", "crm.lead", "crm.activity", "crm.payment");
        JsonNode kafka = generic(objects, "Kafka").get(0);
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(3);
        assertThat(generic(objects, "KafkaNodePool").get(0).at("/spec/replicas").asInt()).isEqualTo(3);
        List<JsonNode> topics = generic(objects, "KafkaTopic");
        Set<String> expected = new TreeSet<>(published);
        consumed.forEach(topic -> expected.add(topic + ".dlt"));
        assertThat(topics).extracting(topic -> topic.at("/spec/topicName").asText())
            .containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode topic : topics) {
            String name = topic.at("/spec/topicName").asText();
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("crm");
            assertThat(topic.at("/spec/replicas").asInt()).as(name).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(name).isEqualTo(2);
            if (published.contains(name)) {
                assertThat(topic.at("/spec/config/retention.ms").asLong()).as("%s keeps every event", name)
                    .isEqualTo(-1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void offersTheProductionRealmWithItsSecretsFromTheExistingSecret(String values) throws IOException {
        List<HasMetadata> objects = render(values, command -> command.set("operators.keycloak.enabled", "true"));

        JsonNode realmImport = generic(objects, "KeycloakRealmImport").get(0);
        String file = Files.readString(Path.of("..", "infra", "keycloak", "crm-realm-production.json"));
        JsonNode realm = new ObjectMapper().readTree(file.replace("${CRM_PUBLIC_URL}", "https://crm.example.com"));
        assertThat(realmImport.at("/spec/realm")).isEqualTo(realm);
        Set<String> placeholders = new TreeSet<>();
        Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(file).results().map(match -> match.group(1))
            .filter(name -> !name.equals("CRM_PUBLIC_URL")).forEach(placeholders::add);
        assertThat(placeholders).contains("CRM_GATEWAY_CLIENT_SECRET", "CRM_METRICS_CLIENT_SECRET");
        List<String> names = new ArrayList<>();
        realmImport.at("/spec/placeholders").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(placeholders);
        String secret = values.equals("values.yaml") ? "crm-secrets" : "crm-production";
        for (String name : names) {
            assertThat(realmImport.at("/spec/placeholders/" + name + "/secret/name").asText()).isEqualTo(secret);
            assertThat(realmImport.at("/spec/placeholders/" + name + "/secret/key").asText()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void scalesTheEventConsumersOnTheirLagWhenAsked(String values) throws IOException {
        List<HorizontalPodAutoscaler> autoscalers = ofType(render(values), HorizontalPodAutoscaler.class);

        Set<String> consumers = new TreeSet<>();
        JsonNode services = YAML.readTree(CONFIG_REPO.resolve("services.yml").toFile()).at("/crm/services");
        services.fieldNames().forEachRemaining(service -> {
            if (!services.path(service).path("consumes").isEmpty()) {
                consumers.add(service);
            }
        });
        assertThat(consumers).contains("reporting-service", "activity-service");
        for (HorizontalPodAutoscaler autoscaler : autoscalers) {
            String component = autoscaler.getMetadata().getName().substring("crm-".length());
            List<MetricSpec> external = autoscaler.getSpec().getMetrics().stream()
                .filter(metric -> metric.getType().equals("External")).toList();
            if (values.equals("values-production.yaml") && consumers.contains(component)) {
                assertThat(external).as(component).singleElement().satisfies(metric -> {
                    assertThat(metric.getExternal().getMetric().getName()).isEqualTo("kafka_consumergroup_lag");
                    assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels())
                        .containsExactly(Map.entry("consumergroup", component));
                    assertThat(metric.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("1000"));
                });
            }
            else {
                assertThat(external).as("%s: CPU only", component).isEmpty();
            }
        }
    }

    private static List<JsonNode> generic(List<HasMetadata> objects, String kind) {
        return ofType(objects, GenericKubernetesResource.class).stream()
            .filter(resource -> resource.getKind().equals(kind)).map(resource -> {
                ObjectNode node = YAML.createObjectNode().put("apiVersion", resource.getApiVersion()).put("kind", kind);
                node.set("metadata", YAML.valueToTree(resource.getMetadata()));
                resource.getAdditionalProperties().forEach((key, value) -> node.set(key, YAML.valueToTree(value)));
                return (JsonNode) node;
            }).toList();
    }

    private static NetworkPolicy policy(List<HasMetadata> objects, String component) {
        return ofType(objects, NetworkPolicy.class).stream()
            .filter(policy -> policy.getMetadata().getName().equals("crm-" + component)).findFirst()
            .orElseThrow(() -> new AssertionError("no NetworkPolicy for " + component));
    }

    private static boolean scraper(NetworkPolicyIngressRule rule) {
        return rule.getFrom().size() == 1 && rule.getFrom().get(0).getNamespaceSelector().getMatchLabels()
            .equals(Map.of("kubernetes.io/metadata.name", "monitoring"));
    }

    private static List<String> ports(List<NetworkPolicyPort> ports) {
        return ports == null ? List.of() : ports.stream().map(port -> port.getPort().getStrVal() != null
            ? port.getPort().getStrVal() : String.valueOf(port.getPort().getIntVal())).toList();
    }

    private static List<String> egressPorts(List<NetworkPolicyEgressRule> rules) {
        return rules.stream().flatMap(rule -> ports(rule.getPorts()).stream()).toList();
    }

    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)b?").matcher(size.trim());
        assertThat(matcher.matches()).as("a size: %s", size).isTrue();
        int shift = switch (matcher.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(matcher.group(1)) << shift;
    }

    private static List<HasMetadata> render(String values) {
        return render(values, Function.identity());
    }

    private static List<HasMetadata> render(String values, Function<TemplateCommand, TemplateCommand> options) {
        String manifest = options.apply(new Helm(CHART).template().withName("crm")
            .withValuesFile(CHART.resolve(values))).call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                objects.add(read(document));
            }
        }
        return objects;
    }

    private static HasMetadata read(String document) {
        try {
            JsonNode object = YAML.readTree(document);
            return YAML.treeToValue(object, KINDS.getOrDefault(object.path("kind").asText(),
                GenericKubernetesResource.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a rendered object:\n" + document, e);
        }
    }

    private static <T> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<PodTemplateSpec> workloads(List<HasMetadata> objects) {
        List<PodTemplateSpec> pods = new ArrayList<>();
        ofType(objects, Deployment.class).forEach(deployment -> pods.add(deployment.getSpec().getTemplate()));
        ofType(objects, StatefulSet.class).forEach(statefulSet -> pods.add(statefulSet.getSpec().getTemplate()));
        return pods;
    }

    private static String env(PodTemplateSpec pod, String name) {
        return pod.getSpec().getContainers().get(0).getEnv().stream().filter(variable -> variable.getName().equals(name))
            .map(EnvVar::getValue).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }
}
