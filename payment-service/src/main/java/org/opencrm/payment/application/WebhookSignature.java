package org.opencrm.payment.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Standard Webhooks signature: {@code webhook-signature} holds space-separated {@code v1,<base64>} entries,
 * each an HMAC-SHA256 with the shared secret ({@code whsec_<base64 key>}) over {@code <webhook-id>.<webhook-timestamp>.
 * <body>}; one matching entry suffices (a provider rotating its secret signs with both). The timestamp must be within
 * the tolerance of now, so a captured delivery cannot be replayed later. Comparisons are constant-time.
 */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignature(String secret, Duration tolerance, Clock clock) {
        this.key = keyOf(secret);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** @throws InvalidSignatureException for a missing, malformed, stale or wrong signature */
    public void verify(String id, String timestamp, String signatures, byte[] body) {
        if (key.length == 0) {
            throw new InvalidSignatureException("No provider secret is configured; every event is refused.");
        }
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            throw new InvalidSignatureException("webhook-id, webhook-timestamp and webhook-signature are required.");
        }
        Instant sent = instantOf(timestamp);
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(tolerance)) || sent.isAfter(now.plus(tolerance))) {
            throw new InvalidSignatureException("webhook-timestamp is outside the tolerance of " + tolerance + ".");
        }
        byte[] expected = sign(id, timestamp, body);
        for (String entry : signatures.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, decode(entry.substring(comma + 1)))) {
                return;
            }
        }
        throw new InvalidSignatureException("No webhook-signature matches the event.");
    }

    /** The {@code v1,<base64>} signature of an event, as a provider sends it. */
    public String signature(String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(id, timestamp, body));
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Instant instantOf(String timestamp) {
        if (timestamp.length() > 12 || !timestamp.chars().allMatch(Character::isDigit)) {
            throw new InvalidSignatureException("webhook-timestamp must be seconds since the epoch.");
        }
        return Instant.ofEpochSecond(Long.parseLong(timestamp));
    }

    /** An undecodable signature matches nothing (an empty array never equals a MAC). */
    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            return new byte[0];
        }
    }

    private static byte[] keyOf(String secret) {
        if (secret == null || secret.isBlank()) {
            return new byte[0];
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("The provider secret must be whsec_ followed by base64", ex);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
