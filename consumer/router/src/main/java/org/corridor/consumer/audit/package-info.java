/**
 * The router's side of the tamper-evident audit: which {@code alerts.audit} partitions this instance alone may write
 * ({@link org.corridor.consumer.audit.AuditWriters}), the head of each partition's hash chain with the provisional
 * heads of a routing transaction ({@link org.corridor.consumer.audit.AuditChains}), the head read back from the log
 * ({@link org.corridor.consumer.audit.AuditLogTail}), and {@code ./corridor audit verify}.
 */
package org.corridor.consumer.audit;
