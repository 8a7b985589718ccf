package org.corridor.consumer.delivery;

import java.util.UUID;

/**
 * Which version of an alert a body acknowledged, as the ACKNOWLEDGED receipts on {@code alerts.receipts} say (kept by
 * {@link DeliveredAlerts}). For views of a body's feed; thread-safe.
 */
public interface AcknowledgedAlerts {

    /** The highest version of the agency's alert the body acknowledged, or 0 when it acknowledged none. */
    int acknowledged(String body, String agency, UUID alertId);
}
