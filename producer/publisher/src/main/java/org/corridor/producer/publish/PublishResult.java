package org.corridor.producer.publish;

import java.util.UUID;

/**
 * Where the broker acknowledged a published alert version.
 *
 * @param alertId   the alert
 * @param version   the version written
 * @param topic     the agency's inbound topic
 * @param partition partition of the record
 * @param offset    offset of the record
 */
public record PublishResult(UUID alertId, int version, String topic, int partition, long offset) {
}
