package org.opencrm.gateway.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every browser session of each user, listed in Redis beside the sessions themselves, so that whichever gateway
 * instance takes an admin's change can end all of that user's sessions at once. Without it a deactivated or demoted
 * user's open browser kept working with the old rights until the session's access token expired (up to five minutes):
 * Keycloak's own logout ends its sessions and refresh tokens, not the gateway's.
 * <p>
 * A session joins the list at sign-in, under its final id (the security context was saved and the id changed before
 * any success handler runs). The list lives {@code user-index-ttl} from its user's last sign-in: longer than a session
 * can be used without signing in again (Keycloak ends the refresh token with its SSO session, at most 10 hours by
 * default). Ids of sessions that ended by themselves stay until then; deleting one of them does nothing.
 */
@Component
public class UserSessions implements ServerAuthenticationSuccessHandler {

    private final ReactiveStringRedisTemplate redis;

    private final ReactiveSessionRepository<?> sessions;

    private final String keyPrefix;

    private final Duration ttl;

    UserSessions(ReactiveStringRedisTemplate redis, ReactiveSessionRepository<?> sessions,
            @Value("${spring.session.data.redis.namespace:spring:session}") String namespace,
            @Value("${crm.gateway.session.user-index-ttl:24h}") Duration ttl) {
        this.redis = redis;
        this.sessions = sessions;
        this.keyPrefix = namespace + ":users:";
        this.ttl = ttl;
    }

    /** Lists the session the user just signed in with (the principal's name is the Keycloak user id). */
    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        String key = keyPrefix + authentication.getName();
        return exchange.getExchange().getSession()
                .flatMap(session -> redis.opsForSet().add(key, session.getId()))
                .then(redis.expire(key, ttl))
                .then();
    }

    /**
     * Ends every browser session of the user: their next request is anonymous (401, or Keycloak's login page for a page
     * load). Returns how many were listed. A session listed while this runs is left for the next call, not forgotten.
     */
    public Mono<Long> endAll(String userId) {
        String key = keyPrefix + userId;
        return redis.opsForSet().members(key)
                .concatMap(id -> sessions.deleteById(id).thenReturn(id))
                .collectList()
                .flatMap(ended -> ended.isEmpty() ? Mono.just(0L)
                        : redis.opsForSet().remove(key, ended.toArray()).thenReturn((long) ended.size()));
    }
}
