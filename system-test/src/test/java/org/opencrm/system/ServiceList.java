package org.opencrm.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The services of {@code config-repo/services.yml}, in start order, as {@code ./crm} reads them. */
record ServiceList(List<Service> services) {

    record Service(String name, int port, String database, List<String> paths, List<String> consumes) {

        /** The environment variable that overrides the port: {@code CRM_CUSTOMER_PORT} for customer-service. */
        String portVariable() {
            String shortName = name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
            return "CRM_" + shortName.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
        }
    }

    static Path file(Path projectRoot) {
        return projectRoot.resolve("config-repo/services.yml");
    }

    @SuppressWarnings("unchecked")
    static ServiceList read(Path projectRoot) {
        try (Reader reader = Files.newBufferedReader(file(projectRoot))) {
            Map<String, Object> root = new Yaml().load(reader);
            Map<String, Map<String, Object>> entries =
                    (Map<String, Map<String, Object>>) ((Map<String, Object>) root.get("crm")).get("services");
            List<Service> services = new ArrayList<>();
            entries.forEach((name, entry) -> services.add(new Service(name, (Integer) entry.get("port"),
                    (String) entry.get("database"), strings(entry.get("paths")), strings(entry.get("consumes")))));
            return new ServiceList(List.copyOf(services));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> names() {
        return services.stream().map(Service::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : List.copyOf((List<String>) value);
    }
}
