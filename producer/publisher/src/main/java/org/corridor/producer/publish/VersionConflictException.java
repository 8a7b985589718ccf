package org.corridor.producer.publish;

import java.util.UUID;

/**
 * Another publisher (another ingest instance, or the library in another process) wrote the same version of the alert
 * first, in log order. The router routes the first and dead-letters this one as STALE_VERSION, so the publication did
 * not happen; a retry takes the next version. Retriable.
 */
public final class VersionConflictException extends PublishException {

    public VersionConflictException(UUID alertId, int version, int partition, long offset) {
        super("version " + version + " of alert " + alertId + " was already published by another publisher; the record at "
                + partition + "/" + offset + " will not be routed: retry to publish the next version", null, true);
    }
}
