package org.corridor.schemas.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A response to an alert that breaks the contract. Fatal for that response: retrying cannot help. */
public class InvalidResponseException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidResponseException(List<Violation> violations) {
        super("invalid response: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
