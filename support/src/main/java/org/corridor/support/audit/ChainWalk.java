package org.corridor.support.audit;

/**
 * Walks one {@code alerts.audit} partition's committed decisions in offset order and finds the first link that does
 * not hold. Each record is judged by these rules, in order:
 * <ol>
 *   <li>after a broken link nothing more is judged: the walk names the first one;</li>
 *   <li>a record that cannot be decoded, or has no value, breaks the chain;</li>
 *   <li>the first record is the start, whatever it names: nothing before it can be seen (retention or a deletion
 *       may have removed older records, which the caller can tell from the partition's log start offset);</li>
 *   <li>a record that names the {@link DecisionHash} of the record before it continues the chain;</li>
 *   <li>a record that names nothing, while no record before it named anything, was written before the chain began
 *       (by a router without it): accepted and counted as {@link #unchained()}, since nothing protects it;</li>
 *   <li>anything else breaks the chain. A changed record breaks at its successor (which names the old bytes' hash),
 *       a removed one at its successor (which names a record that is gone), an inserted one at itself (it names
 *       another record, or nothing) or, if it names its predecessor correctly, at its successor.</li>
 * </ol>
 * A record appended at the end with the right hash of its predecessor is a valid link: the chain proves the log was
 * not changed, not who wrote it. Not thread-safe.
 */
public final class ChainWalk {

    private long checked;
    private long firstOffset = -1;
    private String head;
    private long headOffset = -1;
    private boolean chainBegan;
    private long unchained;
    private long lastUnchainedOffset = -1;
    private BrokenLink broken;

    /**
     * Judges the next record of the partition.
     *
     * @param value           the record's value as stored; null breaks the chain
     * @param claimedPrevious its {@code previousDecisionSha256}, null when it names none
     * @return the broken link when this record is the first that does not hold, else null
     */
    public BrokenLink next(long offset, byte[] value, String claimedPrevious) {
        if (broken != null) {
            return null;
        }
        if (value == null) {
            return undecodable(offset, "it has no value");
        }
        if (checked > 0 && !linked(claimedPrevious)) {
            broken = new BrokenLink(offset, head, claimedPrevious, claimedPrevious == null
                    ? "names no previous decision; expected " + head + ", the SHA-256 of the decision at offset "
                      + headOffset + " (only decisions written before the chain began name none)"
                    : "names previous decision " + claimedPrevious + "; expected " + head
                      + ", the SHA-256 of the decision at offset " + headOffset);
            return broken;
        }
        if (claimedPrevious == null && !chainBegan) {
            unchained++;
            lastUnchainedOffset = offset;
        } else {
            chainBegan = true;
        }
        if (checked == 0) {
            firstOffset = offset;
        }
        checked++;
        head = DecisionHash.of(value);
        headOffset = offset;
        return null;
    }

    /**
     * A record whose value is not a decision this reader can decode: it breaks the chain.
     *
     * @return the broken link when this record is the first that does not hold, else null
     */
    public BrokenLink undecodable(long offset, String why) {
        if (broken != null) {
            return null;
        }
        broken = new BrokenLink(offset, head, null, "cannot be decoded (" + why + ")"
                + (head == null ? "" : "; the decision before it, at offset " + headOffset + ", has SHA-256 " + head));
        return broken;
    }

    private boolean linked(String claimedPrevious) {
        return claimedPrevious == null ? !chainBegan : claimedPrevious.equals(head);
    }

    /** Records accepted so far (the broken one not included). */
    public long checked() {
        return checked;
    }

    /** The offset of the first record accepted, -1 when none. */
    public long firstOffset() {
        return firstOffset;
    }

    /** The SHA-256 of the last record accepted: what the next decision must name; null when none. */
    public String head() {
        return head;
    }

    /** The offset of the last record accepted, -1 when none. */
    public long headOffset() {
        return headOffset;
    }

    /** Records accepted that name no previous decision because they were written before the chain began. */
    public long unchained() {
        return unchained;
    }

    /** The offset of the last of them, -1 when none. */
    public long lastUnchainedOffset() {
        return lastUnchainedOffset;
    }

    /** The first link that did not hold, null while the chain holds. */
    public BrokenLink broken() {
        return broken;
    }
}
