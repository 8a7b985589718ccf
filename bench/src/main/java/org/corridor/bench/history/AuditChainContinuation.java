package org.corridor.bench.history;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.audit.DecisionHash;

/**
 * Continues the audit's hash chain on each {@code alerts.audit} partition from the head the log holds: every decision
 * names the {@link DecisionHash} of the value written before it on the same partition, exactly as the router's
 * {@code AuditChains} does, so {@code ./corridor audit verify} still holds after the history. A partition with no
 * decision yet starts its chain (its first decision names nothing). Pure; not thread-safe.
 */
final class AuditChainContinuation {

    private final Map<Integer, String> heads;
    private final Function<RoutingDecision, byte[]> encoder;

    /**
     * @param heads   the hash of the last committed decision of each partition; a partition absent or mapped to null
     *                has none
     * @param encoder the decision's value as it goes on the wire (Confluent format)
     */
    AuditChainContinuation(Map<Integer, String> heads, Function<RoutingDecision, byte[]> encoder) {
        this.heads = new HashMap<>(heads);
        this.encoder = encoder;
    }

    /**
     * Sets the decision's {@code previousDecisionSha256} to the partition's head, encodes it and makes its hash the new
     * head. The decision is changed (callers reuse one per template).
     *
     * @return the value to append to the partition, next after every value this returned for it before
     */
    byte[] append(int partition, RoutingDecision decision) {
        decision.setPreviousDecisionSha256(heads.get(partition));
        byte[] value = encoder.apply(decision);
        heads.put(partition, DecisionHash.of(value));
        return value;
    }

    /** What the next decision on the partition must name, null when the partition has none. */
    String head(int partition) {
        return heads.get(partition);
    }
}
