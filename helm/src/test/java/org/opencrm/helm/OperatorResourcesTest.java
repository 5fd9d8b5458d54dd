package org.opencrm.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operators' resources the chart offers (CloudNativePG, Strimzi, the Keycloak operator), checked against what
 * those operators accept: their CRDs' schemas, or, for the realm, the model its CRD is generated from.
 */
class OperatorResourcesTest {

    private static final Path CHART = Path.of("crm");
    private static final Path CNPG = Path.of("src", "test", "resources", "crds", "cloudnative-pg");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Keycloak's model, strictly: an unknown field or a value of the wrong type is an error. */
    private static final ObjectMapper REALM = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    private static final Set<String> REALM_IMPORT_SPEC = Set.of("keycloakCRName", "realm", "placeholders",
        "resources");

    private static final Map<String, CrdSchema> SCHEMAS = Map.of(
        "Cluster", CrdSchema.of(CNPG.resolve("postgresql.cnpg.io_clusters.yaml"), "v1"),
        "Database", CrdSchema.of(CNPG.resolve("postgresql.cnpg.io_databases.yaml"), "v1"),
        "Kafka", StrimziCrds.schema("Kafka"),
        "KafkaNodePool", StrimziCrds.schema("KafkaNodePool"),
        "KafkaTopic", StrimziCrds.schema("KafkaTopic"));

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void rendersOperatorResourcesTheOperatorsAccept(String values) throws Exception {
        List<JsonNode> objects = renderWithOperators(values);

        Set<String> kinds = new TreeSet<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asString();
            String name = object.at("/metadata/name").asString();
            if (SCHEMAS.containsKey(kind)) {
                kinds.add(kind);
                assertThat(SCHEMAS.get(kind).violations(object)).as("%s %s", kind, name).isEmpty();
            }
            else if (kind.equals("KeycloakRealmImport")) {
                kinds.add(kind);
                assertThat(realmImportViolations(object)).as("%s %s", kind, name).isEmpty();
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("Cluster", "Database", "Kafka", "KafkaNodePool", "KafkaTopic",
            "KeycloakRealmImport");
    }

    @Test
    void takesABarmanBackupAsCloudNativePGDefinesIt() throws Exception {
        List<JsonNode> objects = render("values-production.yaml", Map.of("operators.cloudNativePG.enabled", "true",
            "operators.cloudNativePG.backup.retentionPolicy", "30d",
            "operators.cloudNativePG.backup.barmanObjectStore.destinationPath", "s3://crm-backups/postgres",
            "operators.cloudNativePG.backup.barmanObjectStore.s3Credentials.inheritFromIAMRole", "true"));

        JsonNode cluster = objects.stream().filter(object -> object.path("kind").asString().equals("Cluster"))
            .findFirst().orElseThrow();
        assertThat(SCHEMAS.get("Cluster").violations(cluster)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cluster", "Database", "Kafka", "KafkaNodePool", "KafkaTopic"})
    void rejectsAnUnknownFieldAMistypedValueAndAnotherApiVersion(String kind) throws Exception {
        JsonNode valid = renderWithOperators("values.yaml").stream()
            .filter(object -> object.path("kind").asString().equals(kind)).findFirst().orElseThrow();
        CrdSchema schema = SCHEMAS.get(kind);
        assertThat(schema.violations(valid)).isEmpty();

        ObjectNode unknown = (ObjectNode) valid.deepCopy();
        ((ObjectNode) unknown.get("spec")).put("replicaCount", 3);
        assertThat(schema.violations(unknown)).as("an unknown field").isNotEmpty()
            .anySatisfy(violation -> assertThat(violation).contains("replicaCount"));

        ObjectNode mistyped = (ObjectNode) valid.deepCopy();
        String field = switch (kind) {
            case "Cluster" -> "instances";
            case "Database" -> "name";
            case "Kafka" -> "kafka";
            case "KafkaNodePool", "KafkaTopic" -> "replicas";
            default -> throw new IllegalArgumentException(kind);
        };
        ((ObjectNode) mistyped.get("spec")).putArray(field).add("three");
        assertThat(schema.violations(mistyped)).as("a mistyped %s", field).isNotEmpty();

        ObjectNode nested = (ObjectNode) valid.deepCopy();
        String path = switch (kind) {
            case "Cluster" -> "/spec/storage";
            case "Database" -> "/spec/cluster";
            case "Kafka" -> "/spec/kafka";
            case "KafkaNodePool" -> "/spec/storage";
            case "KafkaTopic" -> "/spec";
            default -> throw new IllegalArgumentException(kind);
        };
        ((ObjectNode) nested.at(path)).put("sizee", "1Gi");
        assertThat(schema.violations(nested)).as("an unknown field under %s", path).isNotEmpty();

        ObjectNode otherVersion = (ObjectNode) valid.deepCopy();
        otherVersion.put("apiVersion", valid.path("apiVersion").asString().replace("/v1", "/v1beta2"));
        assertThat(schema.violations(otherVersion)).as("an API version the operator does not serve").isNotEmpty();
    }

    @Test
    void rejectsARealmImportWithAnUnknownOrMistypedRealmField() throws Exception {
        JsonNode valid = renderWithOperators("values.yaml").stream()
            .filter(object -> object.path("kind").asString().equals("KeycloakRealmImport")).findFirst().orElseThrow();
        assertThat(realmImportViolations(valid)).isEmpty();

        ObjectNode unknown = (ObjectNode) valid.deepCopy();
        ((ObjectNode) unknown.at("/spec/realm")).put("sslRequiredd", "all");
        assertThatThrownBy(() -> realm(unknown)).isInstanceOf(MismatchedInputException.class)
            .hasMessageContaining("sslRequiredd");

        ObjectNode mistyped = (ObjectNode) valid.deepCopy();
        ((ObjectNode) mistyped.at("/spec/realm")).put("enabled", "yes");
        assertThatThrownBy(() -> realm(mistyped)).isInstanceOf(MismatchedInputException.class);

        ObjectNode plainHttp = (ObjectNode) valid.deepCopy();
        ((ObjectNode) plainHttp.at("/spec/realm/clients/0")).putArray("redirectUris")
            .add("http://crm.example.com/login/oauth2/code/keycloak");
        assertThat(realmImportViolations(plainHttp)).anySatisfy(violation -> assertThat(violation).contains("HTTPS"));

        ObjectNode outside = (ObjectNode) valid.deepCopy();
        ((ObjectNode) outside.get("spec")).put("keycloakName", "keycloak");
        assertThat(realmImportViolations(outside)).isNotEmpty();
    }

    /** The operator's KeycloakRealmImport (k8s.keycloak.org/v2alpha1): its spec's realm is Keycloak's model. */
    private static List<String> realmImportViolations(JsonNode realmImport) throws Exception {
        List<String> violations = new ArrayList<>();
        if (!realmImport.path("apiVersion").asString().equals("k8s.keycloak.org/v2alpha1")) {
            violations.add("apiVersion " + realmImport.path("apiVersion").asString());
        }
        JsonNode spec = realmImport.path("spec");
        spec.propertyNames().stream().filter(name -> !REALM_IMPORT_SPEC.contains(name))
            .forEach(name -> violations.add("unknown spec." + name));
        if (!spec.path("keycloakCRName").isString()) {
            violations.add("spec.keycloakCRName is not a string");
        }
        for (Map.Entry<String, JsonNode> placeholder : spec.path("placeholders").properties()) {
            JsonNode secret = placeholder.getValue();
            if (secret.size() != 1 || secret.path("secret").size() != 2 || !secret.at("/secret/name").isString()
                || !secret.at("/secret/key").isString()) {
                violations.add("placeholder " + placeholder.getKey() + " is not {secret: {name, key}}");
            }
        }
        RealmRepresentation realm = realm(realmImport);
        if (realm.getRealm() == null) {
            violations.add("a realm without a name");
        }
        // the browser's way back from Keycloak: HTTPS only (the public URL is https://<ingress.host>)
        for (ClientRepresentation client : realm.getClients()) {
            List<String> urls = new ArrayList<>();
            if (client.getRedirectUris() != null) {
                urls.addAll(client.getRedirectUris());
            }
            if (client.getWebOrigins() != null) {
                urls.addAll(client.getWebOrigins());
            }
            Stream.of(client.getRootUrl(), client.getBaseUrl(), client.getAdminUrl()).filter(url -> url != null)
                .forEach(urls::add);
            if (client.getAttributes() != null && client.getAttributes().get("post.logout.redirect.uris") != null) {
                urls.addAll(List.of(client.getAttributes().get("post.logout.redirect.uris").split("##")));
            }
            urls.stream().filter(url -> !url.startsWith("https://"))
                .forEach(url -> violations.add(client.getClientId() + ": not HTTPS: " + url));
        }
        return violations;
    }

    private static RealmRepresentation realm(JsonNode realmImport) throws Exception {
        return REALM.readValue(realmImport.at("/spec/realm").toString(), RealmRepresentation.class);
    }

    private static List<JsonNode> renderWithOperators(String values) throws Exception {
        return render(values, Map.of("operators.cloudNativePG.enabled", "true", "operators.strimzi.enabled", "true",
            "operators.keycloak.enabled", "true"));
    }

    private static List<JsonNode> render(String values, Map<String, String> set) throws Exception {
        var template = new Helm(CHART).template().withName("crm").withValuesFile(CHART.resolve(values));
        for (Map.Entry<String, String> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        List<JsonNode> objects = new ArrayList<>();
        for (String document : template.call().split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                objects.add(YAML.readTree(document));
            }
        }
        return objects;
    }
}
