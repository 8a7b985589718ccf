package org.corridor.support.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users and the SHA-256 of their passwords (the passwords are 256-bit random strings, so a fast hash is enough and no
 * salt is needed). Checking compares against every entry in constant time, so timing tells nothing about which user
 * names exist. Immutable, thread-safe.
 */
public final class PasswordTable {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private final Map<String, byte[]> hashes;

    private PasswordTable(Map<String, byte[]> hashes) {
        this.hashes = hashes;
    }

    /**
     * @param sha256Hex user to the hex SHA-256 of the password
     * @param key       how the settings are named in messages, such as {@code corridor.http.users}
     * @throws IllegalArgumentException naming the key of a value that is not 64 hex digits
     */
    public static PasswordTable of(Map<String, String> sha256Hex, String key) {
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        sha256Hex.forEach((user, hex) -> {
            if (hex == null || !HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException(key + "." + user + ": must be the SHA-256 of the password as 64 hex "
                        + "digits (never the password itself)");
            }
            hashes.put(user, HexFormat.of().parseHex(hex));
        });
        return new PasswordTable(Map.copyOf(hashes));
    }

    /** The user, when the password is theirs. */
    public Optional<String> check(String user, String password) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        byte[] presented = sha256(password);
        byte[] expected = hashes.get(user);
        boolean ok = false;
        for (byte[] hash : hashes.values()) {
            ok |= MessageDigest.isEqual(presented, hash) && hash == expected;
        }
        return ok ? Optional.of(user) : Optional.empty();
    }

    /** The user whose secret this is (a bearer token, where the token alone names the caller), compared with all. */
    public Optional<String> userOf(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(secret);
        String match = null;
        for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
            if (MessageDigest.isEqual(presented, e.getValue())) {
                match = e.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    public java.util.Set<String> users() {
        return hashes.keySet();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }
}
