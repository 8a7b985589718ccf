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

    /** Party ids as the exchange spells them; anything else in a token (a misconfigured provider) names no party. */
    private static final java.util.regex.Pattern AGENCY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final java.util.regex.Pattern BODY = java.util.regex.Pattern.compile("[A-Z][A-Z_]{1,31}");

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
        if (claim.startsWith("agency:") && AGENCY.matcher(claim.substring(7)).matches()) {
            return Optional.of(new Person(name, Kind.OFFICER, claim.substring(7)));
        }
        if (claim.startsWith("body:") && BODY.matcher(claim.substring(5)).matches()) {
            return Optional.of(new Person(name, Kind.ANALYST, claim.substring(5)));
        }
        return Optional.empty();
    }
}
