package org.corridor.producer.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the agency a bearer token belongs to. Tokens are compared as SHA-256 hashes in constant time, and every
 * account is compared on every call, so timing tells nothing about which hash came close. Thread-safe.
 */
public final class AgencyTokens {

    private final List<AgencyAccount> accounts;
    private final List<byte[]> hashes;

    public AgencyTokens(List<AgencyAccount> accounts) {
        this.accounts = List.copyOf(accounts);
        this.hashes = accounts.stream().map(a -> HexFormat.of().parseHex(a.tokenSha256())).toList();
    }

    public Optional<AgencyAccount> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        AgencyAccount match = null;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(presented, hashes.get(i))) {
                match = accounts.get(i);
            }
        }
        return Optional.ofNullable(match);
    }

    public Optional<AgencyAccount> account(String agencyId) {
        return accounts.stream().filter(a -> a.id().equals(agencyId)).findFirst();
    }

    public List<AgencyAccount> accounts() {
        return accounts;
    }

    /** A new random token: 32 bytes, base64url. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 to configure for a token. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
