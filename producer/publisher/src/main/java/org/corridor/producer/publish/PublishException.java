package org.corridor.producer.publish;

/**
 * A publication that did not reach the broker. {@link #retriable()} says whether the same call may succeed later
 * (broker or registry unavailable, timeouts) or never will (record too large, not authorized, refused schema).
 */
public class PublishException extends RuntimeException {

    private final boolean retriable;

    public PublishException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
