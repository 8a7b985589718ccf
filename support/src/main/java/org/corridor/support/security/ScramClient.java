package org.corridor.support.security;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka client settings that authenticate as a principal with SASL/SCRAM-SHA-512 over the client listener. The
 * password ends up in {@code sasl.jaas.config}, which Kafka's clients never log (a PASSWORD-type setting).
 */
public final class ScramClient {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private ScramClient() {
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}. */
    public static Map<String, Object> settings(String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", jaas(user, password));
        return p;
    }

    /**
     * The SCRAM settings of a principal over a client's own settings: TLS stays on when those use it
     * ({@code SSL} or {@code SASL_SSL} become {@code SASL_SSL}), so authenticating as an agency or a body never turns
     * encryption off.
     */
    public static Map<String, Object> settingsOver(Map<String, ?> base, String user, String password) {
        Map<String, Object> p = settings(user, password);
        Object protocol = base.get("security.protocol");
        if (protocol != null && protocol.toString().trim().toUpperCase(java.util.Locale.ROOT).endsWith("SSL")) {
            p.put("security.protocol", "SASL_SSL");
        }
        return p;
    }

    public static String jaas(String user, String password) {
        if (user.contains("\"") || password.contains("\"") || password.contains("\\")) {
            throw new IllegalArgumentException("user names and passwords must not contain quotes or backslashes");
        }
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }
}
