package org.corridor.consumer.taxii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code next} of a page: the end offsets of the snapshot the first page was read from (so every page of one
 * paging comes from the same records, however many arrive meanwhile), how many results were served, and a digest of
 * the query, so a token is only good for the query that made it. Opaque to clients, and hostile when it comes back:
 * {@link #decode} checks every part. Immutable.
 */
record PageToken(Map<Integer, Long> end, int served, String query) {

    private static final String FORMAT = "1";

    PageToken {
        end = Map.copyOf(end);
    }

    String encode() {
        StringBuilder offsets = new StringBuilder();
        new TreeMap<>(end).forEach((p, o) -> offsets.append(offsets.isEmpty() ? "" : ",").append(p).append(':').append(o));
        String text = FORMAT + ";" + offsets + ";" + served + ";" + digest(query);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The token {@code next} names for {@code query}.
     *
     * @throws IllegalArgumentException when it is not one this server made for that query
     */
    static PageToken decode(String next, String query) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("next: not a token this server made");
        }
        String[] parts = text.split(";", -1);
        if (parts.length != 4 || !parts[0].equals(FORMAT)) {
            throw new IllegalArgumentException("next: not a token this server made");
        }
        if (!parts[3].equals(digest(query))) {
            throw new IllegalArgumentException("next: made for another query; repeat the query's filters unchanged");
        }
        Map<Integer, Long> end = new TreeMap<>();
        try {
            if (!parts[1].isEmpty()) {
                for (String pair : parts[1].split(",")) {
                    String[] po = pair.split(":");
                    int partition = Integer.parseInt(po[0]);
                    long offset = Long.parseLong(po[1]);
                    if (po.length != 2 || partition < 0 || offset < 0 || end.put(partition, offset) != null) {
                        throw new NumberFormatException(pair);
                    }
                }
            }
            int served = Integer.parseInt(parts[2]);
            if (served < 0) {
                throw new NumberFormatException(parts[2]);
            }
            return new PageToken(end, served, query);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("next: not a token this server made");
        }
    }

    private static String digest(String query) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
