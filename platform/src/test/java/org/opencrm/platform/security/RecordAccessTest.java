package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.permissions.PermissionTable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RecordAccessTest {

    /** "Reads all, changes own": sales read every thing, but change only theirs. */
    private static final PermissionTable TABLE = PermissionTable.parse(new ByteArrayInputStream("""
            roles: [manager, sales]
            scopes: [things:write]
            operations:
              - name: things.get
                service: thing-service
                method: GET
                path: /api/v1/things/{id}
                roles: [manager, sales]
              - name: things.update
                service: thing-service
                method: PUT
                path: /api/v1/things/{id}
                roles: [manager, sales]
                scopes: [things:write]
                own-records: [sales]
            """.getBytes(StandardCharsets.UTF_8)));

    private final RecordAccess records = new RecordAccess(TABLE);

    @AfterEach
    void forget() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesAChangeOfAnothersRecordToACallerLimitedToTheirOwn() {
        request("PUT", "/api/v1/things/1", "sales-1", "ROLE_sales");

        assertThat(records.ownerOnly()).contains("sales-1");
        assertThatCode(() -> records.requireOwnerOf("sales-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> records.requireOwnerOf("sales-2")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.requireOwnerOf(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void limitsNeitherReadsNorCallersGrantedForAllRecords() {
        request("GET", "/api/v1/things/1", "sales-1", "ROLE_sales");
        assertThatCode(() -> records.requireOwnerOf("sales-2")).doesNotThrowAnyException();

        request("PUT", "/api/v1/things/1", "manager-1", "ROLE_manager");
        assertThatCode(() -> records.requireOwnerOf("sales-2")).doesNotThrowAnyException();

        request("PUT", "/api/v1/things/1", "partner", "SCOPE_things:write");
        assertThatCode(() -> records.requireOwnerOf("sales-2")).doesNotThrowAnyException();
    }

    @Test
    void limitsNothingOutsideARequest() {
        assertThatCode(() -> records.requireOwnerOf("anyone")).doesNotThrowAnyException();
    }

    private static void request(String method, String path, String subject, String authority) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, path)));
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext()
            .setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(authority)));
    }
}
