package org.corridor.support.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric signature of the Standard Webhooks scheme (https://www.standardwebhooks.com,
 * {@code spec/standard-webhooks.md}): {@code webhook-signature: v1,<base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))>},
 * where {@code webhook-id} is the message's id (the same on every attempt) and {@code webhook-timestamp} the attempt's
 * Unix time in seconds. Signing the id and the timestamp with the body is what lets a receiver refuse a replayed
 * request: an old timestamp falls outside its tolerance, a seen id is a duplicate. Pure and thread-safe; both sides of
 * the scheme, so receivers in tests check deliveries with the same code any Standard Webhooks library would.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    /** How Standard Webhooks secrets are written: this prefix, then the key bytes in base64. */
    public static final String SECRET_PREFIX = "whsec_";
    /** The scheme's recommended receiver tolerance either side of its own clock. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** The scheme asks for at least 192 bits of key. */
    public static final int MIN_KEY_BYTES = 24;

    private static final String HMAC = "HmacSHA256";
    private static final String VERSION = "v1";

    /** What a receiver concluded about a request. Only {@link #VALID} may be processed. */
    public enum Verdict {
        VALID,
        /** A header is missing or blank. */
        MISSING_HEADER,
        /** {@code webhook-timestamp} is not an integer number of seconds. */
        MALFORMED_TIMESTAMP,
        /** The timestamp is further from the receiver's clock than the tolerance: a replay, or a clock far off. */
        OUTSIDE_TOLERANCE,
        /** No {@code v1} signature in the header matches the body, id and timestamp. */
        NO_MATCHING_SIGNATURE
    }

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key.clone();
    }

    /**
     * The key of a configured secret: {@code whsec_<base64>} as the scheme writes it, or (for secrets configured
     * before the scheme, see docs/subscribers.md) any other text, whose UTF-8 bytes are then the key.
     *
     * @throws IllegalArgumentException naming what is wrong, never the secret itself
     */
    public static WebhookSignature ofSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        byte[] key;
        if (secret.startsWith(SECRET_PREFIX)) {
            try {
                key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("after " + SECRET_PREFIX + " must come the key in base64 (A-Z, a-z, 0-9, +, /, = padding)");
            }
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the key is " + key.length + " bytes; at least " + MIN_KEY_BYTES
                    + " are required (for example " + SECRET_PREFIX + " and the base64 of 32 random bytes)");
        }
        return new WebhookSignature(key);
    }

    /** Whether a configured secret is written the scheme's way ({@code whsec_...}) rather than as a raw text. */
    public static boolean isStandardSecret(String secret) {
        return secret != null && secret.startsWith(SECRET_PREFIX);
    }

    /**
     * The {@code webhook-signature} value of one attempt.
     *
     * @param id        the message id; must not contain {@code .} (the scheme's delimiter) nor be blank
     * @param timestamp the attempt's Unix time in seconds
     */
    public String sign(String id, long timestamp, byte[] body) {
        if (id == null || id.isBlank() || id.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a webhook id must be non-blank and free of '.'");
        }
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(id, Long.toString(timestamp), body));
    }

    /**
     * The receiver's check: a {@code v1} entry of the space-separated {@code signatureHeader} matches, compared in
     * constant time, and {@code timestamp} is within {@code tolerance} of {@code now}. Entries of other versions are
     * skipped (several are sent while a key is rotated). Replays of a valid request within the tolerance are the
     * receiver's to catch by remembering ids it has processed.
     */
    public Verdict verify(String id, String timestamp, String signatureHeader, byte[] body, Instant now, Duration tolerance) {
        if (id == null || id.isBlank() || timestamp == null || timestamp.isBlank() || signatureHeader == null
                || signatureHeader.isBlank() || body == null) {
            return Verdict.MISSING_HEADER;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return Verdict.OUTSIDE_TOLERANCE;
        }
        byte[] expected = mac(id, Long.toString(seconds), body);
        for (String entry : signatureHeader.strip().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return Verdict.VALID;
            }
        }
        return Verdict.NO_MATCHING_SIGNATURE;
    }

    /** The key bytes' HMAC-SHA256 of just the body: the signature this service sent before Standard Webhooks. */
    public byte[] legacyMac(byte[] body) {
        return hmac(key, body);
    }

    /** {@link #legacyMac(byte[])} for any key, as receivers of the former signature computed it. */
    public static byte[] legacyMac(byte[] key, byte[] body) {
        return hmac(key, body);
    }

    private byte[] mac(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return hmac(key, content);
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "WebhookSignature[v1, " + key.length + "-byte key]";
    }
}
