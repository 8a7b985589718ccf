package org.corridor.web.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Compares the SHA-256 of a password with a stored hash in constant time. Enough for the generated passwords and
 * client secrets (long and random, so no dictionary to slow down); people choosing their own passwords belong in an
 * identity provider with a slow hash (Keycloak in compose).
 */
final class Sha256PasswordEncoder implements PasswordEncoder {

    static String sha256Hex(CharSequence raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String encode(CharSequence raw) {
        return sha256Hex(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256Hex(raw).getBytes(StandardCharsets.US_ASCII),
                encoded.getBytes(StandardCharsets.US_ASCII));
    }
}
