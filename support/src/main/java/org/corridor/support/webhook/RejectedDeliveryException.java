package org.corridor.support.webhook;

/** The receiver refused a delivery (4xx other than 408/429): retrying the same request will not help. */
public class RejectedDeliveryException extends RuntimeException {

    public RejectedDeliveryException(String message) {
        super(message);
    }
}
