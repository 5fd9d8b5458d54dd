package org.opencrm.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            ConfigMap.class, "Secret", Secret.class);
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

    @Test
    void tagsEveryImageWithTheReleasedVersion() {
        List<HasMetadata> objects = render("values.yaml", command -> command.set("image.tag", "3f2a9c1"));

        for (PodTemplateSpec pod : workloads(objects)) {
            String name = pod.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertThat(pod.getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/opencrm/crm/" + name + ":3f2a9c1");
        }
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
