package org.corridor.consumer.router;

/**
 * Why a record could not be routed.
 *
 * @param code   machine-readable: UNDECODABLE, UNKNOWN_SCHEMA, INVALID, SPOOFED, RETRIES_EXHAUSTED, ROUTING_FAILED
 * @param reason explanation, such as the violations of an invalid alert
 */
public record DeadLetter(String code, String reason) {

    public static final String UNDECODABLE = "UNDECODABLE";
    public static final String UNKNOWN_SCHEMA = "UNKNOWN_SCHEMA";
    public static final String INVALID = "INVALID";
    public static final String SPOOFED = "SPOOFED";
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    public static final String ROUTING_FAILED = "ROUTING_FAILED";
}
