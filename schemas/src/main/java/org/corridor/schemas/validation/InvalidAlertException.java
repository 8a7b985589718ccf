package org.corridor.schemas.validation;

import java.util.List;

/** An alert that breaks the contract. Fatal for that alert: retrying cannot help. Carries every violation. */
public class InvalidAlertException extends InvalidRecordException {

    public InvalidAlertException(List<Violation> violations) {
        super("alert", violations);
    }
}
