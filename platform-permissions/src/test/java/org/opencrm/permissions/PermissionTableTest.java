package org.opencrm.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class PermissionTableTest {

    private final PermissionTable table = PermissionTable.load();

    @Test
    void findsTheOperationOfARequestByMethodAndPath() {
        assertThat(table.find(HttpMethod.GET, "/api/v1/customers")).get().extracting(Operation::name)
                .isEqualTo("customers.list");
        assertThat(table.find(HttpMethod.GET, "/api/v1/customers/42")).get().extracting(Operation::name)
                .isEqualTo("customers.get");
        assertThat(table.find(HttpMethod.HEAD, "/api/v1/customers/42")).get().extracting(Operation::name)
                .isEqualTo("customers.get");
        assertThat(table.find(HttpMethod.PUT, "/api/v1/users/7/role")).get().extracting(Operation::name)
                .isEqualTo("users.set-role");
    }

    @Test
    void findsNothingForAnUndeclaredMethodOrPath() {
        assertThat(table.find(HttpMethod.PATCH, "/api/v1/customers/42")).isEmpty();
        assertThat(table.find(HttpMethod.DELETE, "/api/v1/payments")).isEmpty();
        assertThat(table.find(HttpMethod.GET, "/api/v1/customers/42/secrets")).isEmpty();
        assertThat(table.find(HttpMethod.GET, "/api/v1/customers/")).isEmpty();
    }

    @Test
    void scopesMeanWhatTheySay() {
        for (Operation operation : table.operations()) {
            if (operation.signedIn()) {
                continue;
            }
            for (String scope : operation.scopes()) {
                String area = operation.name().substring(0, operation.name().indexOf('.'));
                assertThat(scope).as(operation.name()).startsWith(area + ":");
                if (scope.endsWith(":read")) {
                    assertThat(operation.method()).as(operation.name() + " with " + scope).isEqualTo(HttpMethod.GET);
                }
                assertThat(operation.method()).as("only roles delete: " + operation.name())
                        .isNotEqualTo(HttpMethod.DELETE);
            }
        }
    }

    @Test
    void grantsByRoleOrScopeAndSignedInToAnyToken() {
        Operation delete = table.named("customers.delete").orElseThrow();
        assertThat(delete.permits(List.of("ROLE_manager"))).isTrue();
        assertThat(delete.permits(List.of("ROLE_sales", "SCOPE_customers:write"))).isFalse();
        Operation create = table.named("customers.create").orElseThrow();
        assertThat(create.permits(List.of("SCOPE_customers:write"))).isTrue();
        assertThat(create.permits(List.of("SCOPE_customers:read"))).isFalse();
        assertThat(table.named("me.get").orElseThrow().permits(List.of())).isTrue();
        assertThat(table.named("users.list").orElseThrow().permits(List.of("ROLE_manager"))).isFalse();
    }

    @Test
    void matchesHandlerPatternsWhateverTheirVariableNames() {
        assertThat(table.declaredFor(HttpMethod.PUT, "/api/v1/customers/{customerId}")).get()
                .extracting(Operation::name).isEqualTo("customers.update");
        assertThat(table.declaredFor(HttpMethod.PATCH, "/api/v1/customers/{id}")).isEmpty();
    }

    @Test
    void refusesRowsThatAreNotClear() {
        assertThatThrownBy(() -> parse("""
                roles: [admin]
                scopes: []
                operations:
                  - { name: a.b, service: s, method: GET, path: /api/v1/a, roles: [root] }
                """)).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> parse("""
                roles: [admin]
                scopes: []
                operations:
                  - { name: a.b, service: s, method: GET, path: /api/v1/a }
                """)).hasMessageContaining("either roles and scopes");
        assertThatThrownBy(() -> parse("""
                roles: [admin]
                scopes: []
                operations:
                  - { name: a.b, service: s, method: GET, path: "/api/v1/a/{id}", roles: [admin] }
                  - { name: a.c, service: s, method: GET, path: "/api/v1/a/{x}", roles: [admin] }
                """)).hasMessageContaining("declared twice");
    }

    private static PermissionTable parse(String yaml) {
        return PermissionTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void limitsARoleToItsOwnRecordsOnlyWhenNothingElseGrantsTheOperation() {
        Operation get = Operation.of("things.get", "thing-service", HttpMethod.GET, "/api/v1/things/{id}",
                java.util.Set.of("manager", "sales", "support"), java.util.Set.of("things:read"));
        Operation ownBySales = new Operation(get.name(), get.service(), get.method(), get.pattern(), get.roles(),
                get.scopes(), false, java.util.Set.of("sales"));
        assertThat(ownBySales.limitsToOwnRecords(List.of("ROLE_sales"))).isTrue();
        assertThat(ownBySales.limitsToOwnRecords(List.of("ROLE_sales", "ROLE_manager"))).isFalse();
        assertThat(ownBySales.limitsToOwnRecords(List.of("ROLE_sales", "SCOPE_things:read"))).isFalse();
        assertThat(ownBySales.limitsToOwnRecords(List.of("ROLE_support"))).isFalse();
        assertThat(ownBySales.limitsToOwnRecords(List.of("ROLE_admin"))).as("not granted at all").isFalse();
        assertThat(get.limitsToOwnRecords(List.of("ROLE_sales"))).isFalse();
    }

    @Test
    void readsOwnRecordsFromTheTableAndRefusesThemForARoleWithoutTheOperation() {
        assertThat(table.named("leads.get").orElseThrow().ownRecords()).containsExactly("sales");
        assertThat(table.named("leads.assign").orElseThrow().ownRecords()).isEmpty();
        String yaml = """
                roles: [manager, sales]
                scopes: []
                operations:
                  - name: things.get
                    service: thing-service
                    method: GET
                    path: /api/v1/things
                    roles: [manager]
                    own-records: [sales]
                """;
        assertThatThrownBy(() -> PermissionTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("own-records");
    }

    @Test
    void letsAPublicOperationBeCalledWithoutATokenAndWithNothingElseDeclared() {
        PermissionTable open = parse("""
                roles: [admin]
                scopes: []
                operations:
                  - { name: hooks.receive, service: s, method: POST, path: /api/v1/hooks, public: true }
                """);
        Operation hook = open.named("hooks.receive").orElseThrow();
        assertThat(hook.isPublic()).isTrue();
        assertThat(hook.permits(List.of())).isTrue();
        assertThat(hook.limitsToOwnRecords(List.of("ROLE_admin"))).isFalse();
        assertThat(table.named("payments.provider-events").orElseThrow().isPublic()).isTrue();
        assertThat(table.named("payments.create").orElseThrow().isPublic()).isFalse();
        assertThatThrownBy(() -> parse("""
                roles: [admin]
                scopes: []
                operations:
                  - { name: hooks.receive, service: s, method: POST, path: /api/v1/hooks, public: true, roles: [admin] }
                """)).hasMessageContaining("public: true");
    }
}
