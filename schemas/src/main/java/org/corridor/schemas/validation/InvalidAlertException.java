package org.corridor.schemas.validation;

import java.util.List;
import java.util.stream.Collectors;

/** An alert that breaks the contract. Fatal for that alert: retrying cannot help. Carries every violation. */
public class InvalidAlertException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidAlertException(List<Violation> violations) {
        super("invalid alert: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
