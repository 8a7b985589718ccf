package org.corridor.platform.access;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.corridor.support.http.HttpParty;
import org.corridor.support.http.PasswordTable;

/**
 * The HTTP basic credentials of the operator, the metrics scraper and each body, kept in the {@link CredentialStore}
 * as {@code http-<user>} (apart from the Kafka passwords: one leaked secret opens one door), generated the first time.
 * Services get only SHA-256 hashes ({@code corridor.http.users.<user>}), as the registry gets its writers'.
 */
public final class HttpCredentials {

    /** The store key of an HTTP user, such as {@code http-operator} or {@code http-body-UNODC}. */
    public static String key(String user) {
        return "http-" + user;
    }

    private final CredentialStore store;

    public HttpCredentials(CredentialStore store) {
        this.store = store;
    }

    /** {@code corridor.http.users.*}: the operator, the metrics scraper and every body, hashed. */
    public Map<String, Object> users(List<String> bodies) throws IOException {
        Map<String, Object> p = new HashMap<>();
        p.put("corridor.http.users." + HttpParty.OPERATOR_USER, PasswordTable.sha256Hex(password(HttpParty.OPERATOR_USER)));
        p.put("corridor.http.users." + HttpParty.METRICS_USER, PasswordTable.sha256Hex(password(HttpParty.METRICS_USER)));
        for (String body : bodies) {
            String user = HttpParty.bodyUser(body);
            p.put("corridor.http.users." + user, PasswordTable.sha256Hex(password(user)));
        }
        return p;
    }

    /** {@code corridor.http.agency-tokens.*}: each agency's bearer token, hashed. */
    public static Map<String, Object> agencyTokens(Map<String, String> tokens) {
        Map<String, Object> p = new HashMap<>();
        tokens.forEach((agency, token) -> p.put("corridor.http.agency-tokens." + agency, PasswordTable.sha256Hex(token)));
        return p;
    }

    /** The password of an HTTP user, generated when it has none yet. */
    public String password(String user) throws IOException {
        return store.password(key(user));
    }

    /** {@code user:password} of an HTTP user, for a URL or basic auth. */
    public String userInfo(String user) throws IOException {
        return user + ":" + password(user);
    }
}
