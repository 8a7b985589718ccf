package org.corridor.support.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link of the audit's chain: the SHA-256 of a decision's complete record value as it was written (Confluent wire
 * format: magic byte, schema id, Avro body), as 64 lower-case hex digits. The next decision on the same
 * {@code alerts.audit} partition carries it in {@code previousDecisionSha256}. Hashing the bytes rather than the decoded
 * record means any change shows, including one that re-encodes the same fields under another schema id.
 */
public final class DecisionHash {

    private DecisionHash() {
    }

    /** The SHA-256 of the value, in lower-case hex. */
    public static String of(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("value: a decision's value cannot be null");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every Java runtime", e);
        }
    }
}
