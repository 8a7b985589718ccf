package org.corridor.bench.history;

import java.util.Map;

import org.apache.kafka.common.utils.Utils;

/**
 * Where the router would have put each synthetic alert's decision: the inbound partition Kafka's default partitioner
 * gives the alert id on its agency's topic, modulo the audit's partition count ({@code AuditWriters#preferred}), so
 * the history's chains are shaped like routed ones. Immutable; pure.
 */
final class AuditPartitions {

    private final Map<String, Integer> inboundPartitions;
    private final int auditPartitions;

    /**
     * @param inboundPartitions partition count of each agency's inbound topic, by agency id
     * @param auditPartitions   the partition count of {@code alerts.audit}
     */
    AuditPartitions(Map<String, Integer> inboundPartitions, int auditPartitions) {
        if (auditPartitions < 1) {
            throw new IllegalArgumentException("auditPartitions: " + auditPartitions + " must be at least 1");
        }
        this.inboundPartitions = Map.copyOf(inboundPartitions);
        this.auditPartitions = auditPartitions;
    }

    /** The audit partition of a decision on the agency's alert with this key (the alert id's UTF-8 bytes). */
    int of(String agency, byte[] key) {
        Integer inbound = inboundPartitions.get(agency);
        if (inbound == null) {
            throw new IllegalArgumentException("agency \"" + agency + "\" has no inbound topic on this broker");
        }
        return (Utils.toPositive(Utils.murmur2(key)) % inbound) % auditPartitions;
    }

    int auditPartitions() {
        return auditPartitions;
    }
}
