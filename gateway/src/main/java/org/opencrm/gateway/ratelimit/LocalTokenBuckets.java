package org.opencrm.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token buckets in this instance's memory, for what must not (anonymous callers) or cannot (Redis down) use the shared
 * Redis buckets. At most {@code maxKeys} buckets are kept, each dropped after it went unused long enough to be full
 * again, so a flood of distinct keys costs bounded memory.
 */
public final class LocalTokenBuckets {

    private final Cache<String, Bucket> buckets;

    private final LongSupplier nanoTime;

    public LocalTokenBuckets(long maxKeys, Duration idleExpiry) {
        this(maxKeys, idleExpiry, System::nanoTime);
    }

    LocalTokenBuckets(long maxKeys, Duration idleExpiry, LongSupplier nanoTime) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleExpiry).build();
        this.nanoTime = nanoTime;
    }

    /**
     * Takes {@code limit.requestedTokens()} from the key's bucket.
     *
     * @return 0 when allowed, else the whole seconds (at least 1) until the bucket holds enough again
     */
    public long tryConsume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key, k -> new Bucket(limit.burstCapacity(), nanoTime.getAsLong()));
        return bucket.tryConsume(limit, nanoTime.getAsLong());
    }

    private static final class Bucket {

        private double tokens;

        private long refilledAt;

        Bucket(long capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized long tryConsume(RateLimitProperties.Limit limit, long now) {
            double perNano = limit.replenishRate() / 1e9;
            tokens = Math.min(limit.burstCapacity(), tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= limit.requestedTokens()) {
                tokens -= limit.requestedTokens();
                return 0;
            }
            double missing = limit.requestedTokens() - tokens;
            return Math.max(1, (long) Math.ceil(missing / limit.replenishRate()));
        }
    }
}
