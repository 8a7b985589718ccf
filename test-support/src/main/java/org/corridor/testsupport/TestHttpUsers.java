package org.corridor.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Known HTTP credentials for services that tests start on their own: the operator, the metrics scraper, bodies
 * ({@code body-<ID>}) and agencies' bearer tokens. The services get the SHA-256 hashes as they would from the
 * platform ({@code corridor.http.users.*}, {@code corridor.http.agency-tokens.*}); the tests send the passwords.
 * The passwords are fixed and public, so they are for tests only. Stateless, thread-safe.
 */
public final class TestHttpUsers {

    public static final String OPERATOR = "operator";
    public static final String METRICS = "metrics";

    private TestHttpUsers() {
    }

    /** {@code corridor.http.users.*} for the operator, the metrics user and these bodies, hashed. */
    public static Map<String, Object> properties(String... bodies) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("corridor.http.users." + OPERATOR, sha256Hex(password(OPERATOR)));
        p.put("corridor.http.users." + METRICS, sha256Hex(password(METRICS)));
        for (String body : bodies) {
            p.put("corridor.http.users." + bodyUser(body), sha256Hex(password(bodyUser(body))));
        }
        return p;
    }

    /** {@code corridor.http.agency-tokens.*} for these agencies, hashed. */
    public static Map<String, Object> agencyTokenProperties(String... agencies) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String agency : agencies) {
            p.put("corridor.http.agency-tokens." + agency, sha256Hex(token(agency)));
        }
        return p;
    }

    public static String bodyUser(String body) {
        return "body-" + body;
    }

    public static String password(String user) {
        return "test-password-of-" + user;
    }

    public static String token(String agency) {
        return "test-token-of-" + agency;
    }

    /** The {@code Authorization} value of a basic-auth user. */
    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    public static String operator() {
        return basic(OPERATOR);
    }

    public static String metrics() {
        return basic(METRICS);
    }

    /** The {@code Authorization} value of an agency's bearer token. */
    public static String bearer(String agency) {
        return "Bearer " + token(agency);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
