package org.opencrm.permissions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The permission table of {@code config-repo/permissions.yml} (on the classpath as {@value #RESOURCE}): every API
 * operation with the roles and scopes that may call it. What is not in it is refused, by the services and the gateway.
 */
public final class PermissionTable {

    public static final String RESOURCE = "crm/permissions.yml";

    private final List<String> roles;

    private final List<String> scopes;

    private final List<Operation> operations;

    /** The operations most specific pattern first, so that the first match is the one Spring would dispatch to. */
    private final List<Operation> bySpecificity;

    private PermissionTable(List<String> roles, List<String> scopes, List<Operation> operations) {
        this.roles = List.copyOf(roles);
        this.scopes = List.copyOf(scopes);
        this.operations = List.copyOf(operations);
        this.bySpecificity = operations.stream()
                .sorted(Comparator.comparing(Operation::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
    }

    /** The table on the classpath. */
    public static PermissionTable load() {
        ClassLoader loader = PermissionTable.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            return parse(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
    }

    public static PermissionTable parse(InputStream yaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<String> roles = strings(document, "roles");
        List<String> scopes = strings(document, "scopes");
        List<Operation> operations = new ArrayList<>();
        for (Object row : list(document, "operations")) {
            operations.add(operation(map(row), roles, scopes));
        }
        return of(roles, scopes, operations);
    }

    /** A table of these operations, checked as a loaded one is: unique names and unique method and path. */
    public static PermissionTable of(List<String> roles, List<String> scopes, List<Operation> operations) {
        Set<String> names = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        for (Operation operation : operations) {
            require(names.add(operation.name()), "operation " + operation.name() + " is declared twice");
            require(endpoints.add(endpointKey(operation.method(), operation.path())),
                    operation.method() + " " + operation.path() + " is declared twice");
        }
        return new PermissionTable(roles, scopes, operations);
    }

    /** This table and more operations, e.g. a test's stand-ins for services that have none yet. */
    public PermissionTable with(Collection<Operation> more) {
        List<Operation> all = new ArrayList<>(operations);
        all.addAll(more);
        return of(roles, scopes, all);
    }

    /** The CRM's realm roles, in the table's order. */
    public List<String> roles() {
        return roles;
    }

    /** The partner scopes, in the table's order. */
    public List<String> scopes() {
        return scopes;
    }

    /** Every operation, in the table's order. */
    public List<Operation> operations() {
        return operations;
    }

    public List<Operation> operationsOf(String service) {
        return operations.stream().filter(o -> o.service().equals(service)).toList();
    }

    public Optional<Operation> named(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The operation a request is for, if any; {@code HEAD} counts as {@code GET}, as Spring dispatches it. */
    public Optional<Operation> find(HttpMethod method, PathContainer path) {
        HttpMethod effective = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        for (Operation operation : bySpecificity) {
            if (operation.method().equals(effective) && operation.pattern().matches(path)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    public Optional<Operation> find(HttpMethod method, String path) {
        return find(method, PathContainer.parsePath(path));
    }

    /**
     * Whether a caller holding these authorities ({@code ROLE_x}, {@code SCOPE_y}) may send {@code method} to
     * {@code path}: never when no operation matches (deny by default). The services and the gateway decide with it.
     */
    public boolean permits(HttpMethod method, PathContainer path, Collection<String> authorities) {
        return find(method, path).map(operation -> operation.permits(authorities)).orElse(false);
    }

    /**
     * What the table fails to declare of one API handler (its path patterns and HTTP methods, as Spring MVC or WebFlux
     * maps it), each as {@code METHOD /path -> handler}; paths outside {@code /api/} are not the table's business.
     */
    public List<String> undeclared(Object handler, Collection<String> patterns, Collection<String> methods) {
        List<String> undeclared = new ArrayList<>();
        for (String pattern : patterns) {
            if (!pattern.startsWith("/api/")) {
                continue;
            }
            if (methods.isEmpty()) {
                undeclared.add("(any method) " + pattern + " -> " + handler + ": map one method per handler");
            }
            for (String method : methods) {
                if (declaredFor(HttpMethod.valueOf(method), pattern).isEmpty()) {
                    undeclared.add(method + " " + pattern + " -> " + handler);
                }
            }
        }
        return undeclared;
    }

    /**
     * The operation declared for a handler's method and path pattern, variable names aside ({@code {id}} and
     * {@code {customerId}} are the same segment).
     */
    public Optional<Operation> declaredFor(HttpMethod method, String pattern) {
        String key = endpointKey(method, pattern);
        return operations.stream().filter(o -> endpointKey(o.method(), o.path()).equals(key)).findFirst();
    }

    private static String endpointKey(HttpMethod method, String pattern) {
        return method.name() + " " + pattern.replaceAll("\\{[^}]*}", "{}");
    }

    private static Operation operation(Map<String, Object> row, List<String> knownRoles, List<String> knownScopes) {
        String name = string(row, "name");
        String where = "operation " + name + ": ";
        Set<String> roles = new LinkedHashSet<>(strings(row, "roles"));
        Set<String> scopes = new LinkedHashSet<>(strings(row, "scopes"));
        boolean signedIn = Boolean.TRUE.equals(row.get("signed-in"));
        boolean isPublic = Boolean.TRUE.equals(row.get("public"));
        Set<String> ownRecords = new LinkedHashSet<>(strings(row, "own-records"));
        require(roles.containsAll(ownRecords), where + "own-records " + ownRecords + " must be among its roles " + roles);
        require(knownRoles.containsAll(roles), where + "unknown role in " + roles + ", known: " + knownRoles);
        require(knownScopes.containsAll(scopes), where + "unknown scope in " + scopes + ", known: " + knownScopes);
        require(isPublic ? !signedIn && roles.isEmpty() && scopes.isEmpty()
                : signedIn != !(roles.isEmpty() && scopes.isEmpty()),
                where + "give either roles and scopes, signed-in: true or public: true");
        String path = string(row, "path");
        require(path.startsWith("/api/"), where + "the path must start with /api/");
        HttpMethod method = HttpMethod.valueOf(string(row, "method").toUpperCase(Locale.ROOT));
        return new Operation(name, string(row, "service"), method, PathPatternParser.defaultInstance.parse(path),
                Set.copyOf(roles), Set.copyOf(scopes), signedIn, Set.copyOf(ownRecords), isPublic);
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        require(value instanceof String s && !s.isBlank(), "missing " + key + " in " + map);
        return (String) value;
    }

    private static List<String> strings(Map<String, Object> map, String key) {
        return list(map, key).stream().map(String::valueOf).toList();
    }

    private static List<?> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        require(value instanceof List<?>, key + " must be a list in " + map);
        return (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object row) {
        require(row instanceof Map<?, ?>, "an operation must be a map, not " + row);
        return (Map<String, Object>) row;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("permission table: " + message);
        }
    }
}
