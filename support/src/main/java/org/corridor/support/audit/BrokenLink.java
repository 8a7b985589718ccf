package org.corridor.support.audit;

/**
 * The first record of an audit partition whose link does not hold.
 *
 * @param offset   where the record is
 * @param expected the SHA-256 it should name (of the decision before it), null when it is the first record
 * @param found    the SHA-256 it names, null when it names none or cannot be decoded
 * @param reason   what is wrong, for a person: both hashes, or why the record cannot be decoded
 */
public record BrokenLink(long offset, String expected, String found, String reason) {

    /** {@code partition P offset O: reason}. */
    public String describe(int partition) {
        return "partition " + partition + " offset " + offset + ": " + reason;
    }
}
