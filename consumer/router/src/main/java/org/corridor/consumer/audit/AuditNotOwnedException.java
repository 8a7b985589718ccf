package org.corridor.consumer.audit;

/**
 * This router instance may write no audit partition without a second writer ({@link AuditWriters}): the batch goes
 * back to the listener container at once, and the group's next rebalance is what can mend it.
 */
public final class AuditNotOwnedException extends RuntimeException {

    public AuditNotOwnedException(String message) {
        super(message);
    }
}
