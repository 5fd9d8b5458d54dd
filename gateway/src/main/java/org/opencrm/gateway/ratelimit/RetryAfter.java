package org.opencrm.gateway.ratelimit;

/** How long a refused caller should wait, from the token bucket's state. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Whole seconds (at least 1) until the bucket holds {@code requestedTokens} again.
     *
     * @param tokensLeft what the bucket holds now; negative when unknown (then assumed empty)
     */
    public static long seconds(int replenishRate, int requestedTokens, long tokensLeft) {
        long missing = requestedTokens - Math.max(0, tokensLeft);
        if (missing <= 0 || replenishRate <= 0) {
            return 1;
        }
        return Math.max(1, (missing + replenishRate - 1) / replenishRate);
    }
}
