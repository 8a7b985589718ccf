package org.corridor.web.app;

import java.util.Optional;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is logged in and the party they act for, from the ID token's {@code corridor_party} claim (set by the login
 * provider, never by the browser).
 *
 * @param name  display name
 * @param kind  what the party is
 * @param party the agency or body id; empty for an operator
 */
public record Person(String name, Kind kind, String party) {

    public enum Kind { OFFICER, ANALYST, OPERATOR }

    /** The claim the login provider puts into ID tokens. */
    public static final String CLAIM = "corridor_party";

    /** The person of a login, or empty when the token names no party the app knows. */
    public static Optional<Person> of(OidcUser user) {
        String claim = user.getClaimAsString(CLAIM);
        String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        if (claim == null) {
            return Optional.empty();
        }
        if (claim.equals("operator")) {
            return Optional.of(new Person(name, Kind.OPERATOR, ""));
        }
        if (claim.startsWith("agency:") && claim.length() > 7) {
            return Optional.of(new Person(name, Kind.OFFICER, claim.substring(7)));
        }
        if (claim.startsWith("body:") && claim.length() > 5) {
            return Optional.of(new Person(name, Kind.ANALYST, claim.substring(5)));
        }
        return Optional.empty();
    }
}
