package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final AtomicInteger decoded = new AtomicInteger();

    private Instant expiresAt = NOW.plus(Duration.ofMinutes(5));

    private final JwtDecoder counting = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("invalid signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("sales1")
                .issuedAt(NOW.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build();
    };

    @Test
    void decodesAValidTokenOnceWhileItLives() {
        CachingJwtDecoder decoder = decoder(NOW);

        Jwt first = decoder.decode("good");
        Jwt second = decoder.decode("good");

        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void keepsDistinctTokensApart() {
        CachingJwtDecoder decoder = decoder(NOW);

        Jwt one = decoder.decode("good-1");
        Jwt two = decoder.decode("good-2");

        assertThat(one.getTokenValue()).isEqualTo("good-1");
        assertThat(two.getTokenValue()).isEqualTo("good-2");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void neverAnswersFromMemoryForAnExpiredToken() {
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(counting, 10, clock);
        decoder.decode("good");

        clock.now = NOW.plus(Duration.ofMinutes(6));
        decoder.decode("good");

        assertThat(decoded).hasValue(2);
    }

    @Test
    void neverRemembersARejectedToken() {
        CachingJwtDecoder decoder = decoder(NOW);

        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);

        assertThat(decoded).hasValue(2);
    }

    @Test
    void doesNotRememberATokenThatIsAlreadyExpired() {
        expiresAt = NOW.minusSeconds(1);
        CachingJwtDecoder decoder = decoder(NOW);

        decoder.decode("good");
        decoder.decode("good");

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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
