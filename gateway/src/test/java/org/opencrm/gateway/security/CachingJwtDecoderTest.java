package org.opencrm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final AtomicInteger decoded = new AtomicInteger();

    private Instant expiresAt = NOW.plus(Duration.ofMinutes(5));

    private final ReactiveJwtDecoder counting = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("invalid signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("sales1")
                .issuedAt(NOW.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build());
    };

    @Test
    void decodesAValidTokenOnceWhileItLives() {
        CachingJwtDecoder decoder = decoder(NOW);

        Jwt first = decoder.decode("good").block();
        Jwt second = decoder.decode("good").block();

        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void neverAnswersFromMemoryForAnExpiredToken() {
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(counting, 10, clock);
        decoder.decode("good").block();

        clock.now = NOW.plus(Duration.ofMinutes(6));
        decoder.decode("good").block();

        assertThat(decoded).hasValue(2);
    }

    @Test
    void neverRemembersARejectedToken() {
        CachingJwtDecoder decoder = decoder(NOW);

        assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);

        assertThat(decoded).hasValue(2);
    }

    @Test
    void doesNotRememberATokenThatIsAlreadyExpired() {
        expiresAt = NOW.minusSeconds(1);
        CachingJwtDecoder decoder = decoder(NOW);

        decoder.decode("good").block();
        decoder.decode("good").block();

        assertThat(decoded).hasValue(2);
    }

    private CachingJwtDecoder decoder(Instant now) {
        return new CachingJwtDecoder(counting, 10, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
