package org.opencrm.gateway.session;

import java.time.Duration;

import org.opencrm.gateway.security.BearerToken;
import org.opencrm.gateway.web.WebUiPages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * A session made before sign-in (the saved page, the OAuth2 authorization request) lives {@code anonymous-timeout}
 * (10 min) in Redis, not the signed-in {@code spring.session.timeout} (8 h): a page load that never signs in must not
 * hold Redis memory for a working day. The session gets the full timeout with the security context, at sign-in.
 * <p>
 * The timeout is set just before the response commits, and that action is registered before anything resolves the
 * session, so it runs before Spring Session's save (commit actions run in the order they were registered).
 */
@Component
class SessionTimeoutFilter implements WebFilter, Ordered {

    private final Duration anonymousTimeout;

    private final Duration signedInTimeout;

    SessionTimeoutFilter(@Value("${crm.gateway.session.anonymous-timeout:10m}") Duration anonymousTimeout,
            @Value("${spring.session.timeout:8h}") Duration signedInTimeout) {
        this.anonymousTimeout = anonymousTimeout;
        this.signedInTimeout = signedInTimeout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (BearerToken.isPresent(exchange.getRequest().getHeaders()) || WebUiPages.isStaticAsset(exchange.getRequest())) {
            return chain.filter(exchange); // stateless: no session at all
        }
        // a session that could not be loaded has been answered for already (SessionStoreUnavailableHandler)
        exchange.getResponse().beforeCommit(() -> exchange.getSession().doOnNext(this::applyTimeout)
                .onErrorResume(ex -> Mono.empty()).then());
        // resolve it now (cached for the exchange): Spring Session's save is then registered after the action above
        return exchange.getSession().then(chain.filter(exchange))
                // Commit here, inside the filter chain, a response the chain left without a body (a redirect): the
                // session is saved on commit, and only a failure raised within the chain reaches the error handlers
                // (else a Redis outage during the save would end as a bare 500 from the server).
                .then(Mono.defer(() -> exchange.getResponse().setComplete()));
    }

    private void applyTimeout(WebSession session) {
        if (!session.isStarted() || session.isExpired()) {
            return; // never saved
        }
        boolean signedIn = session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null;
        Duration timeout = signedIn ? signedInTimeout : anonymousTimeout;
        if (!timeout.equals(session.getMaxIdleTime())) {
            session.setMaxIdleTime(timeout);
        }
    }

    @Override
    public int getOrder() {
        return -190; // after the trace id (-200), before the anonymous rate limit (-180) and Spring Security (-100)
    }
}
