package org.opencrm.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/** Applies {@link AccessRules} to authenticated API calls; anonymous calls are denied (and so answered 401). */
class AccessRuleAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final AccessRules rules;

    AccessRuleAuthorizationManager(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        return authentication
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .map(a -> rules.permits(request.getPath().pathWithinApplication(), request.getMethod(),
                        a.getAuthorities()) ? GRANTED : DENIED)
                .defaultIfEmpty(DENIED)
                .cast(AuthorizationResult.class);
    }
}
