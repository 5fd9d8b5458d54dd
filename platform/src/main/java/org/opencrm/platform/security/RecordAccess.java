package org.opencrm.platform.security;

import java.util.Collection;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.opencrm.permissions.PermissionTable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The record-level half of the {@link PermissionTable}: whether the operation of the current request reaches only the
 * caller's own records ({@code own-records} in the table, e.g. sales only the leads assigned to them). The service
 * decides what "own" means and asks on every path that reads or changes a record. Outside a request (an event
 * handler, a scheduled job) nothing is limited.
 */
public class RecordAccess {

    private final PermissionTable table;

    public RecordAccess(PermissionTable table) {
        this.table = table;
    }

    /** The caller's id when the current request's operation limits them to their own records, else empty. */
    public Optional<String> ownerOnly() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !(caller.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Collection<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return table.find(HttpMethod.valueOf(request.getMethod()), PathContainer.parsePath(path))
            .filter(operation -> operation.limitsToOwnRecords(authorities))
            .map(operation -> jwt.getSubject());
    }
}
