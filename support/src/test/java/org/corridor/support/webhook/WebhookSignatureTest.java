package org.corridor.support.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.corridor.support.webhook.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The Standard Webhooks test vector, as published by the scheme's own libraries
 * (github.com/standard-webhooks/standard-webhooks, {@code libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java},
 * {@code verifyWebhookSignWorks}; the same values are in the other languages' tests). A vector we signed ourselves
 * would only show that our verifier agrees with our signer.
 */
class WebhookSignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Instant SIGNED_AT = Instant.ofEpochSecond(TIMESTAMP);
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    private final WebhookSignature signature = WebhookSignature.ofSecret(SECRET);

    @Test
    void signsThePublishedVector() {
        assertThat(signature.sign(ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsThePublishedVectorWithinTheTolerance() {
        assertThat(signature.verify(ID, "1614265330", EXPECTED, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(signature.verify(ID, "1614265330", EXPECTED, BODY, SIGNED_AT.plus(TOLERANCE), TOLERANCE))
                .isEqualTo(Verdict.VALID);
        assertThat(signature.verify(ID, "1614265330", EXPECTED, BODY, SIGNED_AT.minus(TOLERANCE), TOLERANCE))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsTheMatchingEntryAmongOthersAsDuringAKeyRotation() {
        String rotating = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,notours " + EXPECTED;
        assertThat(signature.verify(ID, "1614265330", rotating, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesAChangedBody() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(ID, "1614265330", EXPECTED, changed, SIGNED_AT, TOLERANCE))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void refusesAChangedIdOrTimestamp() {
        assertThat(signature.verify("msg_other", "1614265330", EXPECTED, BODY, SIGNED_AT, TOLERANCE))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
        assertThat(signature.verify(ID, "1614265331", EXPECTED, BODY, SIGNED_AT, TOLERANCE))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void refusesAnotherSecret() {
        WebhookSignature other = WebhookSignature.ofSecret("whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=");
        assertThat(other.verify(ID, "1614265330", EXPECTED, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void refusesATimestampOutsideTheToleranceEitherWay() {
        Instant late = SIGNED_AT.plus(TOLERANCE).plusSeconds(1);
        Instant early = SIGNED_AT.minus(TOLERANCE).minusSeconds(1);
        assertThat(signature.verify(ID, "1614265330", EXPECTED, BODY, late, TOLERANCE)).isEqualTo(Verdict.OUTSIDE_TOLERANCE);
        assertThat(signature.verify(ID, "1614265330", EXPECTED, BODY, early, TOLERANCE)).isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertThat(signature.verify(null, "1614265330", EXPECTED, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(signature.verify(ID, " ", EXPECTED, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(signature.verify(ID, "1614265330", null, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(signature.verify(ID, "yesterday", EXPECTED, BODY, SIGNED_AT, TOLERANCE)).isEqualTo(Verdict.MALFORMED_TIMESTAMP);
        assertThat(signature.verify(ID, "1614265330", "v2," + EXPECTED.substring(3), BODY, SIGNED_AT, TOLERANCE))
                .as("another version's entry is not ours to check").isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
        assertThat(signature.verify(ID, "1614265330", "v1,not base64!", BODY, SIGNED_AT, TOLERANCE))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void aRawSecretIsItsUtf8Bytes() {
        String raw = "a-secret-set-before-whsec-existed";
        String asStandard = WebhookSignature.SECRET_PREFIX
                + java.util.Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(WebhookSignature.ofSecret(raw).sign(ID, TIMESTAMP, BODY))
                .isEqualTo(WebhookSignature.ofSecret(asStandard).sign(ID, TIMESTAMP, BODY));
    }

    @Test
    void secretsThatAreNotBase64OrTooShortAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> WebhookSignature.ofSecret("whsec_not*base64"))
                .hasMessageContaining("base64").hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> WebhookSignature.ofSecret("whsec_c2hvcnQ="))
                .hasMessageContaining("5 bytes").hasMessageContaining("at least 24");
        assertThatThrownBy(() -> WebhookSignature.ofSecret("short-secret"))
                .hasMessageContaining("12 bytes").hasMessageNotContaining("short-secret");
    }

    @Test
    void anIdWithTheDelimiterIsNeverSigned() {
        assertThatThrownBy(() -> signature.sign("msg.1", TIMESTAMP, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
