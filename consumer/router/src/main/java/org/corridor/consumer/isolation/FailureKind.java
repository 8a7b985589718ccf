package org.corridor.consumer.isolation;

/** What a failed attempt at a batch says about its cause, which decides what is tried next. */
public enum FailureKind {
    /** The cluster, not the records: a timeout, a moving leader, too few in-sync replicas. Retried, never split. */
    RETRIABLE,
    /** Kafka refused something in the batch (a record too large, an invalid record): retried, then split. */
    REJECTED,
    /** Nothing a retry can mend (this producer was fenced, its credentials refused): the batch is given back. */
    FATAL
}
