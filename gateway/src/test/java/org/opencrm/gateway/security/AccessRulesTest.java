package org.opencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

class AccessRulesTest {

    private final AccessRules rules = new AccessRules(List.of(
            new AccessProperties.Rule("/api/v1/customers/**", Set.of("delete"), Set.of("admin", "manager"), Set.of()),
            new AccessProperties.Rule("/api/v1/**", Set.of(), Set.of("admin", "manager", "sales", "support"),
                    Set.of("customers:read"))));

    @Test
    void letsAnyCrmRoleReadCustomers() {
        assertThat(permits("GET", "/api/v1/customers/42", "ROLE_support")).isTrue();
        assertThat(permits("POST", "/api/v1/leads", "ROLE_sales")).isTrue();
    }

    @Test
    void letsPartnerScopeThrough() {
        assertThat(permits("GET", "/api/v1/customers", "SCOPE_customers:read")).isTrue();
    }

    @Test
    void keepsDeletingCustomersToAdminsAndManagers() {
        assertThat(permits("DELETE", "/api/v1/customers/42", "ROLE_manager")).isTrue();
        assertThat(permits("DELETE", "/api/v1/customers/42", "ROLE_sales", "ROLE_support")).isFalse();
        assertThat(permits("DELETE", "/api/v1/customers/42", "SCOPE_customers:read")).isFalse();
    }

    @Test
    void firstMatchingRuleDecidesEvenWhenALaterOneWouldGrant() {
        // support is granted by the second rule, but the DELETE rule matches first
        assertThat(permits("DELETE", "/api/v1/customers", "ROLE_support")).isFalse();
        assertThat(permits("DELETE", "/api/v1/leads/1", "ROLE_support")).isTrue();
    }

    @Test
    void refusesCallersWithoutCrmRoleAndPathsNoRuleCovers() {
        assertThat(permits("GET", "/api/v1/customers", "ROLE_offline_access", "SCOPE_email")).isFalse();
        assertThat(permits("GET", "/api/v2/customers", "ROLE_admin")).isFalse();
    }

    private boolean permits(String method, String path, String... authorities) {
        List<GrantedAuthority> held = AuthorityUtils.createAuthorityList(authorities);
        return rules.permits(PathContainer.parsePath(path), HttpMethod.valueOf(method), held);
    }
}
