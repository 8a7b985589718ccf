package org.corridor.schemas.validation;

/**
 * One broken rule.
 *
 * @param path    the field, such as {@code route.transitCountries[1]}
 * @param message what is wrong and what is allowed, such as {@code "XX" is not an ISO 3166-1 alpha-2 code}
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
