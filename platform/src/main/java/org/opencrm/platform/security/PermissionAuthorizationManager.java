package org.opencrm.platform.security;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.opencrm.permissions.Operation;
import org.opencrm.permissions.PermissionTable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authorizes an API request from the {@link PermissionTable}: the operation its method and path name, granted to the
 * caller's roles and scopes, or public (no token needed). A request that names no operation is denied, like a caller
 * without the right.
 */
public class PermissionAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final PermissionTable table;

    public PermissionAuthorizationManager(PermissionTable table) {
        this.table = table;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            // a public operation (a provider's webhook) authenticates its callers itself
            return table.find(HttpMethod.valueOf(request.getMethod()), PathContainer.parsePath(path))
                    .filter(Operation::isPublic).isPresent() ? GRANTED : DENIED;
        }
        List<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return table.permits(HttpMethod.valueOf(request.getMethod()), PathContainer.parsePath(path), authorities)
                ? GRANTED : DENIED;
    }
}
