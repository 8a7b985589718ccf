package org.corridor.web.login;

/** The ID token claim that names the party a person acts for: {@code agency:<id>}, {@code body:<id>} or {@code operator}. */
public final class PartyClaim {

    public static final String NAME = "corridor_party";

    private PartyClaim() {
    }
}
