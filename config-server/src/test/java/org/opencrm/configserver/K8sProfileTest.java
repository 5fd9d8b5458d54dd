package org.opencrm.configserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.cloud.config.server.environment.NativeEnvironmentProperties;
import org.springframework.cloud.config.server.environment.NativeEnvironmentRepository;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.env.StandardEnvironment;

/**
 * What each component gets from this server in Kubernetes (profile {@code k8s}): the repository's config-repo read by
 * the server's own native repository, merged and resolved as the client does, with no environment variable set. A
 * value the environment must give stays unresolved (then the component does not start without it); every value that
 * does resolve is a default that reaches production, so none may be a loopback address, a secret or a dev setting.
 */
class K8sProfileTest {

    private static final Path CONFIG_REPO = Path.of(System.getProperty("crm.project.root", ".."), "config-repo");
    private static final Pattern LOOPBACK = Pattern.compile("(?i)localhost|127\\.0\\.0\\.\\d+|\\[::1]");
    private static final Pattern SECRET_KEY = Pattern.compile(
        "(?i).*(password|secret|secret-key|access-key|token|credentials)$");
    private static final Pattern DEV_SECRET = Pattern.compile("(?i)dev-secret|whsec_|crm-local");
    private static final Set<String> ACTUATOR = Set.of("health", "info", "metrics", "prometheus");

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "customer-service", "lead-service", "activity-service", "payment-service",
        "notification-service", "reporting-service"})
    void keepsNoDevelopmentDefaultInKubernetes(String application) {
        Resolved config = resolve(application);

        assertThat(config.values()).as("%s's k8s values", application).isNotEmpty();
        config.values().forEach((key, value) -> {
            assertThat(value).as("%s: %s", application, key).doesNotContainPattern(LOOPBACK)
                .doesNotContainPattern(DEV_SECRET);
            if (SECRET_KEY.matcher(key).matches()) {
                assertThat(value).as("%s: %s is a literal secret", application, key).isEmpty();
            }
            if (key.toLowerCase().contains("demo")) {
                assertThat(value).as("%s: %s seeds demo data", application, key).isIn("", "0");
            }
        });
        assertThat(config.required()).as("%s: from the environment only", application)
            .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThat(config.value("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(config.value("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(config.value("server.error.include-message")).isEqualTo("never");
        assertThat(config.value("server.port")).isEqualTo("8080");
        assertThat(config.value("crm.events.topics.replication-factor")).isEqualTo("3");
        assertThat(config.value("crm.events.topics.min-insync-replicas")).isEqualTo("2");
        Set<String> exposed = Set.of(config.value("management.endpoints.web.exposure.include").split("\\s*,\\s*"));
        assertThat(exposed).as("%s's actuator endpoints", application)
            .isSubsetOf(application.equals("lead-service") ? union(ACTUATOR, "refresh") : ACTUATOR);
        assertThat(config.values()).as("%s: no demo users or data", application)
            .doesNotContainKeys("crm.demo-data.customers", "crm.leads.demo-leads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-service", "lead-service", "activity-service", "payment-service",
        "notification-service", "reporting-service"})
    void servicesTakeTheirCredentialsFromTheEnvironmentAndBelieveNoForwardedHeaders(String service) {
        Resolved config = resolve(service);

        assertThat(config.required()).contains("spring.datasource.username", "spring.datasource.password");
        assertThat(config.value("server.forward-headers-strategy")).isEqualTo("none");
        assertThat(config.value("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway"})
    void gatewayTrustsTheIngressesForwardedHeadersAndSendsOnlySecureCookies(String gateway) {
        Resolved config = resolve(gateway);

        assertThat(config.value("server.forward-headers-strategy")).isEqualTo("framework");
        assertThat(config.value("server.reactive.session.cookie.secure")).isEqualTo("true");
        assertThat(config.value("server.reactive.session.cookie.http-only")).isEqualTo("true");
        assertThat(config.value("server.reactive.session.cookie.same-site")).isEqualToIgnoringCase("lax");
        assertThat(config.required()).contains("crm.gateway.keycloak-origin",
            "crm.gateway.security-headers.content-security-policy",
            "spring.security.oauth2.client.registration.keycloak.client-secret",
            "spring.security.oauth2.client.registration.crm-user-admin.client-secret");
        assertThat(config.value("crm.gateway.security-headers.strict-transport-security")).startsWith("max-age=");
        assertThat(config.value("spring.data.redis.ssl.enabled")).as("TLS to Redis: the chart's choice").isEqualTo("false");
        assertThat(config.values()).as("CORS: no origin at all by default")
            .noneSatisfy((key, value) -> assertThat(key).startsWith("crm.gateway.cors.allowed-origins["))
            .containsEntry("crm.gateway.cors.allowed-origins", "");
        assertThat(config.values()).as("no bench client with limits above everyone's")
            .noneSatisfy((key, value) -> assertThat(key).startsWith("crm.gateway.rate-limit.clients."));
    }

    /** The property sources the server serves {@code application} in profile k8s, resolved without environment. */
    private static Resolved resolve(String application) {
        NativeEnvironmentProperties properties = new NativeEnvironmentProperties();
        properties.setSearchLocations(new String[] {CONFIG_REPO.toUri().toString()});
        properties.setFailOnError(true);
        NativeEnvironmentRepository repository = new NativeEnvironmentRepository(new StandardEnvironment(), properties,
            ObservationRegistry.NOOP);
        // the same names every component asks for (its bootstrap: spring.cloud.config.name)
        Environment served = repository.findOne(application + ",services", "k8s", null);

        MutablePropertySources sources = new MutablePropertySources();
        Set<String> keys = new TreeSet<>();
        for (PropertySource source : served.getPropertySources()) {
            Map<String, Object> values = new LinkedHashMap<>();
            source.getSource().forEach((key, value) -> values.put(String.valueOf(key), value));
            sources.addLast(new MapPropertySource(source.getName(), values));
            keys.addAll(values.keySet());
        }
        // the component's own application.yml names it (services.yml's entry for it is looked up by that name)
        sources.addLast(new MapPropertySource("application's own", Map.of("spring.application.name", application)));
        PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);
        Map<String, String> values = new TreeMap<>();
        List<String> required = new ArrayList<>();
        for (String key : keys) {
            try {
                values.put(key, String.valueOf(resolver.getProperty(key)));
            } catch (IllegalArgumentException unresolvable) {
                required.add(key);
            }
        }
        return new Resolved(values, required);
    }

    private static Set<String> union(Set<String> set, String more) {
        Set<String> union = new HashSet<>(set);
        union.add(more);
        return union;
    }

    private record Resolved(Map<String, String> values, List<String> required) {

        String value(String key) {
            assertThat(values).as("%s resolves", key).containsKey(key);
            return values.get(key);
        }
    }
}
