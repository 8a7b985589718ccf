package org.corridor.producer.publish;

import java.util.UUID;

/** An update or retraction of an alert that the agency never published. Fatal. */
public class UnknownAlertException extends RuntimeException {

    public UnknownAlertException(String agencyId, UUID alertId) {
        super("alert " + alertId + " was not published by agency " + agencyId);
    }
}
