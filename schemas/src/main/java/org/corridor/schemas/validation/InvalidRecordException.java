package org.corridor.schemas.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record of the contract (an alert, a response) that breaks its rules. Fatal for that record: retrying cannot help.
 * Carries every violation.
 */
public abstract class InvalidRecordException extends RuntimeException {

    private final transient List<Violation> violations;

    /** @param what names the record in the message, such as {@code alert} */
    protected InvalidRecordException(String what, List<Violation> violations) {
        super("invalid " + what + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
