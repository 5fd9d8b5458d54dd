package org.opencrm.gateway.security;

import java.util.List;

import org.opencrm.permissions.Operation;
import org.opencrm.permissions.PermissionTable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The gateway's rules per route and method, compiled from the {@link PermissionTable}: a call is let through when its
 * method and path name an operation granted to one of the caller's roles or scopes. A call naming no operation is
 * denied (403), so an endpoint exists for callers only once it is in the table. Anonymous calls are denied (and so
 * answered 401), except to a public operation. The services check again, from the same table.
 */
class PermissionTableAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final PermissionTable table;

    PermissionTableAuthorizationManager(PermissionTable table) {
        this.table = table;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        return authentication
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .map(a -> permits(request, a) ? GRANTED : DENIED)
                // a public operation (a provider's webhook) is authenticated by the service itself
                .switchIfEmpty(Mono.fromSupplier(() -> isPublic(request) ? GRANTED : DENIED))
                .cast(AuthorizationResult.class);
    }

    private boolean isPublic(ServerHttpRequest request) {
        return table.find(request.getMethod(), request.getPath().pathWithinApplication())
                .filter(Operation::isPublic).isPresent();
    }

    private boolean permits(ServerHttpRequest request, Authentication caller) {
        List<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return table.permits(request.getMethod(), request.getPath().pathWithinApplication(), authorities);
    }
}
