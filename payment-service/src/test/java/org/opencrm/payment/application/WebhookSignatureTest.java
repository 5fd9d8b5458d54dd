package org.opencrm.payment.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification: secret, id, timestamp, body and signature. */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String SPEC_TIMESTAMP = "1614265330";
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final Instant sent = Instant.ofEpochSecond(Long.parseLong(SPEC_TIMESTAMP));

    private final WebhookSignature signature = at(sent.plusSeconds(30));

    @Test
    void acceptsTheSpecificationsExample() {
        assertThatCode(() -> signature.verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyMatchingSignatureOfSeveral() {
        assertThatCode(() -> signature.verify(SPEC_ID, SPEC_TIMESTAMP,
                "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v2,whatever " + SPEC_SIGNATURE, SPEC_BODY))
            .doesNotThrowAnyException();
    }

    @Test
    void refusesAChangedBodyIdOrTimestamp() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, changed))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify("msg_other", SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, "1614265331", SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        assertThatThrownBy(() -> signature.verify(null, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, null, SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, SPEC_TIMESTAMP, "", SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, "-1", SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, SPEC_TIMESTAMP, "v1,%%%not-base64", SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signature.verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE.replace("v1,", "v2,"),
                SPEC_BODY)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void refusesATimestampOutsideTheToleranceEitherWay() {
        assertThatThrownBy(() -> at(sent.plusSeconds(301)).verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> at(sent.minusSeconds(301)).verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
        assertThatCode(() -> at(sent.plusSeconds(299)).verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .doesNotThrowAnyException();
    }

    @Test
    void refusesEverythingWithoutASecret() {
        WebhookSignature none = new WebhookSignature("", Duration.ofMinutes(5), Clock.fixed(sent, ZoneOffset.UTC));
        assertThatThrownBy(() -> none.verify(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(InvalidSignatureException.class);
    }

    private static WebhookSignature at(Instant now) {
        return new WebhookSignature(SPEC_SECRET, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }
}
