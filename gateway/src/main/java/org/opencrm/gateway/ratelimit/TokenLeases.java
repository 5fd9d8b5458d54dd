package org.opencrm.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Requests a caller may still send, taken from its shared Redis bucket in advance, so that a caller with a high limit
 * costs one Redis round trip per {@link #size lease} instead of one per request.
 * <p>
 * Why this keeps limits across gateway replicas: every request served from a lease was first taken from the shared
 * bucket, so together the replicas never let a caller exceed its limit. The price is the other way round: tokens one
 * replica holds are missing for the others, so a caller may be refused up to {@code (replicas - 1) × (size - 1)}
 * requests early, at most 1 % of its per-second rate per other replica; a lease not used up within
 * {@link #LIFETIME} is dropped (those tokens are lost, again at most 1 % of a second's worth). Limits of fewer than
 * 200 requests a second lease one request at a time: every request is counted in Redis as before.
 */
final class TokenLeases {

    /** A lease holds at most this share of one second's replenishment. */
    static final int SHARE_DIVISOR = 100;

    static final Duration LIFETIME = Duration.ofSeconds(1);

    private final Cache<String, Lease> leases;

    private final LongSupplier nanoTime;

    TokenLeases(long maxKeys, LongSupplier nanoTime) {
        this.leases = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(LIFETIME).executor(Runnable::run)
                .build();
        this.nanoTime = nanoTime;
    }

    /** How many requests one lease covers for this limit: 1 (no leasing) below 200 requests a second. */
    static int size(RateLimitProperties.Limit limit) {
        long bySecond = limit.replenishRate() / SHARE_DIVISOR;
        long byBurst = limit.burstCapacity() / limit.requestedTokens();
        return (int) Math.max(1, Math.min(bySecond, byBurst));
    }

    /** The limit a lease takes from Redis in one call: the same bucket, {@code size} requests' tokens at once. */
    static RateLimitProperties.Limit leaseLimit(RateLimitProperties.Limit limit) {
        return new RateLimitProperties.Limit(limit.replenishRate(), limit.burstCapacity(),
                limit.requestedTokens() * size(limit));
    }

    /** The name under which the Redis limiter knows {@link #leaseLimit}. */
    static String leaseName(String limitName) {
        return limitName + "#lease";
    }

    /**
     * Takes one request from the key's live lease.
     *
     * @return the rate-limit headers to answer with, or {@code null} when no live lease has a request left
     */
    @Nullable Map<String, String> take(String key) {
        Lease lease = leases.getIfPresent(key);
        return lease == null ? null : lease.take(nanoTime.getAsLong());
    }

    /** Starts a lease of {@code requests} for the key, one of which the caller spends at once. */
    void start(String key, int requests, Map<String, String> headers, String remainingHeader) {
        leases.put(key, new Lease(requests - 1, nanoTime.getAsLong() + LIFETIME.toNanos(), headers, remainingHeader));
    }

    private static final class Lease {

        private int left;

        private final long expiresAt;

        private final Map<String, String> headers;

        private final String remainingHeader;

        private final long remainingInRedis;

        Lease(int left, long expiresAt, Map<String, String> headers, String remainingHeader) {
            this.left = left;
            this.expiresAt = expiresAt;
            this.headers = headers;
            this.remainingHeader = remainingHeader;
            this.remainingInRedis = parse(headers.get(remainingHeader));
        }

        synchronized @Nullable Map<String, String> take(long now) {
            if (left <= 0 || now - expiresAt >= 0) {
                return null;
            }
            left--;
            Map<String, String> answer = new java.util.HashMap<>(headers);
            answer.put(remainingHeader, Long.toString(remainingInRedis + left));
            return answer;
        }

        private static long parse(@Nullable String value) {
            try {
                return value == null ? 0 : Long.parseLong(value);
            }
            catch (NumberFormatException ex) {
                return 0;
            }
        }
    }
}
