package org.corridor.support.http;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call a service over HTTP ({@code corridor.http.*}), the same keys in every service.
 *
 * @param users        basic-auth user ({@code operator}, {@code metrics}, {@code body-<ID>}) to the SHA-256 (hex) of
 *                     the password; never the password itself
 *                     (environment: {@code CORRIDOR_HTTP_USERS_BODY_PARIS_PACT=<sha256>})
 * @param agencyTokens agency id to the SHA-256 (hex) of its bearer token, for services other than the ingest (which
 *                     has its own agency table) (environment: {@code CORRIDOR_HTTP_AGENCYTOKENS_TJ_DRUG_CONTROL=...})
 * @param maxBodySize  larger request bodies get 413, counted after authentication and before any parsing
 */
@ConfigurationProperties("corridor.http")
public record HttpSecurityProperties(@DefaultValue Map<String, String> users, @DefaultValue Map<String, String> agencyTokens,
                                     @DefaultValue("1MB") DataSize maxBodySize) {

    /** Checked here rather than with Bean Validation, which the support module does not carry. */
    public HttpSecurityProperties {
        if (maxBodySize == null || maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("corridor.http.max-body-size: must be a positive size such as 1MB, was "
                    + maxBodySize);
        }
        users = Map.copyOf(byKey(users, HttpSecurityProperties::userOfEnvironmentKey));
        agencyTokens = Map.copyOf(byKey(agencyTokens, key -> key.replace('.', '-')));
    }

    /**
     * A user name as configured, or as an environment variable gives it: {@code CORRIDOR_HTTP_USERS_BODY_PARIS_PACT}
     * arrives as {@code body.paris.pact} and is {@code body-PARIS_PACT} again (body ids are upper case with
     * underscores, agency ids lower case with hyphens, so neither is ambiguous).
     */
    static String userOfEnvironmentKey(String key) {
        return key.startsWith("body.") ? "body-" + key.substring(5).toUpperCase(java.util.Locale.ROOT).replace('.', '_') : key;
    }

    private static Map<String, String> byKey(Map<String, String> given, java.util.function.UnaryOperator<String> key) {
        Map<String, String> out = new java.util.HashMap<>();
        given.forEach((k, v) -> {
            if (out.put(key.apply(k), v) != null) {
                throw new IllegalArgumentException("corridor.http: " + key.apply(k) + " is configured twice");
            }
        });
        return out;
    }

    /** The users' table, each name checked to be a party; a bad entry stops the start naming its key. */
    public PasswordTable userTable() {
        users.keySet().forEach(u -> {
            try {
                HttpParty.ofUser(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("corridor.http.users." + e.getMessage(), e);
            }
        });
        return PasswordTable.of(users, "corridor.http.users");
    }

    public PasswordTable agencyTable() {
        return PasswordTable.of(agencyTokens, "corridor.http.agency-tokens");
    }
}
