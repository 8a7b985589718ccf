package org.corridor.support.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who is calling a service over HTTP: an agency, a body, the operator, the metrics scraper or a registry writer.
 * Immutable. The authorities are {@code ROLE_<KIND>} and, for agencies and bodies, {@code <KIND>_<id>} too, so that
 * a rule can name one agency or one body ({@code hasAuthority('BODY_' + #body)}).
 *
 * @param kind what the party is
 * @param id   the agency or body id, or the user name for the other kinds; never null
 */
public record HttpParty(Kind kind, String id) {

    /** The basic-auth user of the operator: redrive, replay, the monitor, the actuator. */
    public static final String OPERATOR_USER = "operator";
    /** The basic-auth user that may read {@code /actuator/prometheus} and nothing else. */
    public static final String METRICS_USER = "metrics";
    /** Basic-auth users of bodies are {@code body-<BODY ID>}. */
    public static final String BODY_USER_PREFIX = "body-";

    public enum Kind { AGENCY, BODY, OPERATOR, METRICS, WRITER }

    public HttpParty {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The party a basic-auth user name stands for: {@code operator}, {@code metrics} or {@code body-<ID>}.
     *
     * @throws IllegalArgumentException naming the allowed forms, for any other name
     */
    public static HttpParty ofUser(String user) {
        if (OPERATOR_USER.equals(user)) {
            return new HttpParty(Kind.OPERATOR, user);
        }
        if (METRICS_USER.equals(user)) {
            return new HttpParty(Kind.METRICS, user);
        }
        if (user != null && user.startsWith(BODY_USER_PREFIX) && user.length() > BODY_USER_PREFIX.length()) {
            return new HttpParty(Kind.BODY, user.substring(BODY_USER_PREFIX.length()));
        }
        throw new IllegalArgumentException("\"" + user + "\" is not an HTTP user; allowed: " + OPERATOR_USER + ", "
                + METRICS_USER + ", " + BODY_USER_PREFIX + "<body id>");
    }

    /** The basic-auth user name of a body. */
    public static String bodyUser(String body) {
        return BODY_USER_PREFIX + body;
    }

    /** Spring Security authority names, role first. */
    public List<String> authorities() {
        List<String> a = new ArrayList<>(List.of("ROLE_" + kind));
        if (kind == Kind.AGENCY || kind == Kind.BODY) {
            a.add(kind + "_" + id);
        }
        return a;
    }

    /** Whether this is the given agency or body. */
    public boolean is(Kind kind, String id) {
        return this.kind == kind && this.id.equals(id);
    }
}
