package org.corridor.registry.core;

/**
 * A version of a subject as the log holds it.
 *
 * @param subject the subject
 * @param version 1, 2, ... within the subject
 * @param id      global schema id
 * @param schema  canonical schema text
 * @param deleted soft-deleted
 */
public record StoredVersion(String subject, int version, int id, String schema, boolean deleted) {
}
