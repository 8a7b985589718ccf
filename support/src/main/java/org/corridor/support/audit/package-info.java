/**
 * The audit's hash chain as plain Java, no Kafka: {@link org.corridor.support.audit.DecisionHash} (what a decision's
 * successor names) and {@link org.corridor.support.audit.ChainWalk} (one audit partition's records in offset order, and
 * the first link that does not hold). The router writes the chain, {@code ./corridor audit verify} walks it.
 */
package org.corridor.support.audit;
