package org.corridor.producer.publish;

import java.util.UUID;

/** A new alert (version 1) under an id the agency has already published: it must be corrected instead. Fatal. */
public class AlertExistsException extends RuntimeException {

    public AlertExistsException(UUID alertId) {
        super("alertId " + alertId + " was already published; use PUT /api/v1/alerts/{id} to correct it");
    }
}
