package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.permissions.PermissionTable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class PermissionAuthorizationManagerTest {

    private static final PermissionTable TABLE = PermissionTable.parse(new ByteArrayInputStream("""
            roles: [manager]
            scopes: []
            operations:
              - { name: things.create, service: s, method: POST, path: /api/v1/things, roles: [manager] }
              - { name: things.hooks, service: s, method: POST, path: /api/v1/things/hooks, public: true }
            """.getBytes(StandardCharsets.UTF_8)));

    private final PermissionAuthorizationManager manager = new PermissionAuthorizationManager(TABLE);

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Test
    void letsAnAnonymousCallerReachOnlyAPublicOperation() {
        assertThat(decide(ANONYMOUS, "POST", "/api/v1/things/hooks")).isTrue();
        assertThat(decide(ANONYMOUS, "POST", "/api/v1/things")).isFalse();
        assertThat(decide(ANONYMOUS, "GET", "/api/v1/things/hooks")).isFalse();
        assertThat(decide(null, "POST", "/api/v1/things/hooks")).isTrue();
    }

    @Test
    void stillDecidesBySignedInCallersRoles() {
        Authentication sales = new TestingAuthenticationToken("u", null, List.of());
        sales.setAuthenticated(true);
        Authentication managerCaller = new TestingAuthenticationToken("m", null, "ROLE_manager");
        assertThat(decide(sales, "POST", "/api/v1/things")).isFalse();
        assertThat(decide(managerCaller, "POST", "/api/v1/things")).isTrue();
        assertThat(decide(sales, "POST", "/api/v1/things/hooks")).isTrue();
    }

    private boolean decide(Authentication caller, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return manager.authorize(() -> caller, new RequestAuthorizationContext(request)).isGranted();
    }
}
