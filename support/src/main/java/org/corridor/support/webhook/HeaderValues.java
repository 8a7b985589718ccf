package org.corridor.support.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Text that came from a party (an agency's alert id, a receiver's answer) made fit for an HTTP header or a log line.
 * A header value must never carry CR, LF or other control characters (header injection, or an exception from the HTTP
 * client that would park the alert) and must stay small. Pure.
 */
public final class HeaderValues {

    /** Longest header value we put in a request. */
    public static final int MAX_LENGTH = 200;

    private HeaderValues() {
    }

    /**
     * {@code value} with every character other than ASCII letters, digits and {@code - . _ ~ :} percent-encoded as
     * UTF-8, so distinct values stay distinct (an idempotency key must not collide); longer than {@link #MAX_LENGTH}
     * after that, the value becomes {@code sha256-<hex>} of itself.
     */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.length() <= MAX_LENGTH ? out.toString() : "sha256-" + HexFormat.of().formatHex(sha256(value));
    }

    /** {@code text} for a log line or a receipt: control characters replaced by {@code ?}, cut at {@code max}. */
    public static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max).forEach(cp -> out.appendCodePoint(isControl(cp) ? '?' : cp));
        return out.toString();
    }

    /** C0 and C1 controls, line and paragraph separators, and format characters such as bidi overrides. */
    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
