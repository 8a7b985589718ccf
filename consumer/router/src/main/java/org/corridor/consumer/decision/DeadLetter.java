package org.corridor.consumer.decision;

/**
 * Why a record could not be routed: the outcome that sends a record's bytes to the dead-letter topic.
 *
 * @param code   machine-readable: UNDECODABLE, UNKNOWN_SCHEMA, WRONG_TYPE, INVALID, SPOOFED, ID_COLLISION,
 *               STALE_VERSION, NOT_ENTITLED, RETRIES_EXHAUSTED, ROUTING_FAILED, KAFKA_REJECTED
 * @param reason explanation, such as the violations of an invalid alert
 */
public record DeadLetter(String code, String reason) implements Outcome, ResponseOutcome {

    public static final String UNDECODABLE = "UNDECODABLE";
    public static final String UNKNOWN_SCHEMA = "UNKNOWN_SCHEMA";
    /** A registered schema of another record type than TraffickingAlert. */
    public static final String WRONG_TYPE = "WRONG_TYPE";
    public static final String INVALID = "INVALID";
    public static final String SPOOFED = "SPOOFED";
    /** The alert id belongs to another agency: the first to publish it owns it. */
    public static final String ID_COLLISION = "ID_COLLISION";
    /** The version is not above the highest version of the alert already routed: a replay or an older version. */
    public static final String STALE_VERSION = "STALE_VERSION";
    /**
     * A response from a party that may not respond to that alert version: a body that did not receive it, an agency
     * that is not its originator, or a version (or alert) the exchange never routed.
     */
    public static final String NOT_ENTITLED = "NOT_ENTITLED";
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    public static final String ROUTING_FAILED = "ROUTING_FAILED";
    /** Kafka refused what routing the record wrote (a feed record too large for the feed topic, for instance). */
    public static final String KAFKA_REJECTED = "KAFKA_REJECTED";
}
