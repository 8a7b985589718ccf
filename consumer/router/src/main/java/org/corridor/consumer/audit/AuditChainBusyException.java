package org.corridor.consumer.audit;

import org.apache.kafka.common.errors.RetriableException;

/**
 * An audit partition's chain head cannot be read yet: the partition has an open transaction (the previous owner's,
 * about to commit or abort), or its end could not be read in time. Retriable, so the batch is retried and then given
 * back, never routed on a head that may be stale.
 */
public final class AuditChainBusyException extends RetriableException {

    public AuditChainBusyException(String message) {
        super(message);
    }

    public AuditChainBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
