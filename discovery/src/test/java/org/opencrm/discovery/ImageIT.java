package org.opencrm.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's image as Jib builds it (pre-integration-test, against an empty base: no registry is reachable in a
 * build): what Jib controls, read from the image tarball's manifest and config. CI builds the same on the real JRE.
 */
class ImageIT {

    private static final Path TARBALL = Path.of("target", "image-check.tar");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode manifest;
    private static JsonNode config;
    private static List<List<String>> layers;

    @BeforeAll
    static void readTheTarball() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(TARBALL)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        manifest = JSON.readTree(files.get("manifest.json")).get(0);
        config = JSON.readTree(files.get(manifest.path("Config").asString()));
        layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("Layers")) {
            layers.add(entries(files.get(layer.asString())));
        }
    }

    @Test
    void startsTheRegistryWithTheChartsJvmFlagsAsANonRootUser() {
        JsonNode container = config.path("config");

        assertThat(container.path("Entrypoint").valueStream().map(JsonNode::asString).toList())
            .startsWith("java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError")
            .endsWith(DiscoveryApplication.class.getName());
        assertThat(container.path("User").asString()).isEqualTo("10001:10001");
        assertThat(container.path("ExposedPorts").propertyNames()).containsExactly("8761/tcp");
        assertThat(container.path("Env").valueStream().map(JsonNode::asString).toList())
            .contains("SPRING_PROFILES_ACTIVE=k8s");
    }

    @Test
    void labelsTheImageWithTheOpenContainersAnnotations() {
        JsonNode labels = config.path("config").path("Labels");
        String tag = manifest.path("RepoTags").get(0).asString();

        assertThat(tag).startsWith("ghcr.io/opencrm/crm/discovery:");
        assertThat(labels.path("org.opencontainers.image.title").asString()).isEqualTo("discovery");
        assertThat(labels.path("org.opencontainers.image.version").asString())
            .isEqualTo(tag.substring(tag.lastIndexOf(':') + 1));
        assertThat(labels.path("org.opencontainers.image.source").asString()).isEqualTo("https://github.com/opencrm/crm");
        assertThat(labels.path("org.opencontainers.image.revision").asString()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.description").asString()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.base.name").asString()).isNotBlank();
    }

    @Test
    void keepsTheDependenciesInLayersApartFromTheApplicationsClasses() {
        String mainClass = "app/classes/" + DiscoveryApplication.class.getName().replace('.', '/') + ".class";

        List<String> dependencies = layers.stream()
            .filter(layer -> layer.stream().anyMatch(name -> name.matches("app/libs/spring-cloud-netflix-eureka-server-.*\\.jar")))
            .findFirst().orElseThrow(() -> new AssertionError("no layer with the dependencies: " + layers));
        List<String> classes = layers.stream().filter(layer -> layer.contains(mainClass)).findFirst()
            .orElseThrow(() -> new AssertionError("no layer with " + mainClass));
        assertThat(dependencies).noneMatch(name -> name.startsWith("app/classes/"));
        assertThat(classes).noneMatch(name -> name.startsWith("app/libs/"));
        assertThat(layers.indexOf(dependencies)).as("dependencies below the classes that change more often")
            .isLessThan(layers.indexOf(classes));
    }

    private static List<String> entries(byte[] layer) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(layer));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName().replaceFirst("^/", ""));
            }
        }
        return names;
    }
}
