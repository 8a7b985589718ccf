package org.corridor.registry.core;

/**
 * One record of the registry's log topic: JSON key and value, the value null for a tombstone (permanent delete).
 *
 * @param key   JSON key, such as {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}}
 * @param value JSON value or null
 */
public record LogRecord(String key, String value) {
}
