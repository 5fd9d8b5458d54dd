package org.opencrm.gateway.security;

import java.util.Optional;

import org.opencrm.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token relay for browser sessions: a routed request of a signed-in browser user leaves with
 * {@code Authorization: Bearer <the user's access token>} (refreshed first when it is about to expire) and without the
 * browser's cookies. Bearer callers pass untouched: their header is relayed as it came. When the session's tokens can no
 * longer be refreshed, the session ends and the answer is 401.
 */
@Component
class SessionTokenRelayFilter implements GlobalFilter, Ordered {

    private final ReactiveOAuth2AuthorizedClientManager clients;

    private final ProblemWriter problems;

    SessionTokenRelayFilter(ReactiveOAuth2AuthorizedClientManager clients, ProblemWriter problems) {
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange); // a bearer caller: the hot path
        }
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> user.isPresent() ? relay(exchange, chain, user.get()) : chain.filter(exchange));
    }

    private Mono<Void> relay(ServerWebExchange exchange, GatewayFilterChain chain, OAuth2AuthenticationToken user) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(user.getAuthorizedClientRegistrationId())
                .principal(user)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return clients.authorize(request)
                .map(Optional::of)
                .onErrorResume(ClientAuthorizationException.class, ex -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(client -> client.isEmpty() ? signedOut(exchange)
                        : chain.filter(exchange.mutate().request(r -> r.headers(headers -> {
                            headers.setBearerAuth(client.get().getAccessToken().getTokenValue());
                            headers.remove(HttpHeaders.COOKIE);
                        })).build()));
    }

    private Mono<Void> signedOut(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> session.invalidate())
                .then(Mono.defer(() -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                        "Your session has expired: sign in again.")));
    }

    @Override
    public int getOrder() {
        return -10; // before the route filters (rate limit, circuit breaker)
    }
}
