package org.corridor.schemas.reference;

/**
 * A scheduled precursor chemical.
 *
 * @param name    name as listed by the INCB
 * @param cas     CAS Registry Number, such as {@code 108-24-7}
 * @param table   the Convention table that lists it
 * @param usedFor what it is used to make, for people reading decisions
 */
public record Precursor(String name, String cas, PrecursorTable table, String usedFor) {
}
