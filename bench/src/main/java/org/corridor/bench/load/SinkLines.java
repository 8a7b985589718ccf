package org.corridor.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole lines of a file sink's JSON-lines file as its bytes arrive, and the alert id each names. A line is whole
 * once its newline has arrived; the bytes after the last newline wait for the next read. Not thread-safe: one per
 * file.
 */
final class SinkLines {

    /** The sink's idempotency key, {@code <agency>:<alertId>:<version>} (or {@code <alertId>:<version>} before). */
    private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");

    private byte[] partial = new byte[0];

    /** The whole lines completed by these bytes, without their newlines. */
    List<String> append(byte[] bytes, int length) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                lines.add(join(bytes, from, i));
                from = i + 1;
            }
        }
        byte[] rest = new byte[partial.length + length - from];
        System.arraycopy(partial, 0, rest, 0, partial.length);
        System.arraycopy(bytes, from, rest, partial.length, length - from);
        partial = rest;
        return lines;
    }

    private String join(byte[] bytes, int from, int to) {
        String line;
        if (partial.length == 0) {
            line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        } else {
            byte[] whole = new byte[partial.length + to - from];
            System.arraycopy(partial, 0, whole, 0, partial.length);
            System.arraycopy(bytes, from, whole, partial.length, to - from);
            line = new String(whole, StandardCharsets.UTF_8);
            partial = new byte[0];
        }
        return line;
    }

    /** The alert id a sink line names through its idempotency key; null when the line has no key. */
    static String alertId(String line) {
        Matcher m = KEY.matcher(line);
        if (!m.find()) {
            return null;
        }
        String[] parts = m.group(1).split(":");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }
}
