package org.corridor.schemas.validation;

import java.util.List;

/** A response to an alert that breaks the contract. Fatal for that response: retrying cannot help. */
public class InvalidResponseException extends InvalidRecordException {

    public InvalidResponseException(List<Violation> violations) {
        super("response", violations);
    }
}
