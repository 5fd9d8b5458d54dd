package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code config-repo/services.yml} and the repository agree: every {@code *-service} module of the root pom is listed
 * and every listed service is a module; each service reads the list (its database, port and consumed topics) and its
 * config-repo file repeats none of them; ports and databases are unique; and {@code ./crm} (infra/lib/services.sh,
 * which reads the file without a YAML parser) sees what a YAML parser sees.
 */
class ServiceListTest {

    private static final Path ROOT = LocalStack.findProjectRoot();
    private static final ServiceList LIST = ServiceList.read(ROOT);

    @Test
    void listsEveryServiceModuleOfTheRootPomAndNothingElse() throws Exception {
        NodeList modules = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile()).getElementsByTagName("module");
        List<String> serviceModules = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            if (module.endsWith("-service")) {
                serviceModules.add(module);
            }
        }

        assertThat(LIST.names()).as("config-repo/services.yml against the root pom's *-service modules")
                .containsExactlyInAnyOrderElementsOf(serviceModules);
    }

    @Test
    void givesEachServiceItsOwnPortAndDatabase() {
        assertThat(LIST.services()).extracting(ServiceList.Service::port).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(1024, 65535));
        assertThat(LIST.services()).extracting(ServiceList.Service::database).doesNotHaveDuplicates()
                .allSatisfy(database -> assertThat(database).matches("[a-z][a-z0-9_]*"));
        assertThat(LIST.services()).allSatisfy(service -> assertThat(service.paths())
                .allSatisfy(path -> assertThat(path).startsWith("/api/")));
    }

    @Test
    void eachServiceReadsTheListAndDeclaresNothingItHolds() throws IOException {
        for (ServiceList.Service service : LIST.services()) {
            Map<String, Object> own = flatten(ROOT.resolve(service.name() + "/src/main/resources/application.yml"));
            assertThat(own.get("spring.cloud.config.name")).as(service.name() + " asks the config server for the list")
                    .isEqualTo("${spring.application.name},services");

            Path file = ROOT.resolve("config-repo/" + service.name() + ".yml");
            assertThat(file).as("every listed service has its config-repo file").isRegularFile();
            Map<String, Object> properties = flatten(file);
            assertThat(properties).as(file + ": the database, local port and topics consumed come from the list")
                    .doesNotContainKeys("crm.database", "server.port@local", "crm.events.consume");
        }
    }

    @Test
    void theRunScriptReadsTheSameList() throws Exception {
        Process process = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; CRM_ROOT=\"$1\"; source \"$1/infra/lib/common.sh\"; "
                        + "source \"$1/infra/lib/services.sh\"; services_table", "bash", ROOT.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(output.lines().toList()).containsExactlyElementsOf(LIST.services().stream()
                .map(service -> service.name() + " " + service.port() + " " + service.database()).toList());
    }

    /** The file's properties, flattened; those of a profile document carry {@code @<profile>}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Path file) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?> map) {
                    Map<String, Object> flat = new HashMap<>();
                    flatten("", (Map<String, Object>) map, flat);
                    Object profile = flat.get("spring.config.activate.on-profile");
                    flat.forEach((key, value) -> properties.put(profile == null ? key : key + "@" + profile, value));
                }
            }
        }
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + key, value);
            }
        });
    }
}
