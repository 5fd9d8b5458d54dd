package org.opencrm.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers each token that passed validation until it expires: the gateway relays the same bearer token with every
 * request for minutes, and parsing it and checking its RS256 signature again each time was about 30 % of a service's
 * CPU per list request. A token is only ever served from here while it is unexpired, so the answer is the one the
 * delegate would give; a rejected token is never remembered. Bounded: at most {@code maxTokens} tokens are kept.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;

    private final Cache<String, Jwt> valid;

    private final Clock clock;

    CachingJwtDecoder(JwtDecoder delegate, long maxTokens, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.valid = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(untilTokenExpiry(clock))
                .executor(Runnable::run).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = valid.getIfPresent(token);
        if (known != null && isUnexpired(known)) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (isUnexpired(jwt)) {
            valid.put(token, jwt);
        }
        return jwt;
    }

    private boolean isUnexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private static Expiry<String, Jwt> untilTokenExpiry(Clock clock) {
        return Expiry.creating((token, jwt) -> {
            Instant expiresAt = jwt.getExpiresAt();
            Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
