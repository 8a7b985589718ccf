package org.corridor.monitor.lag;

import java.time.Instant;

/**
 * One observation of a group's partition.
 *
 * @param at        when it was taken
 * @param committed the group's committed offset (the next record it will read)
 * @param logEnd    the partition's log-end offset at the same moment
 */
public record OffsetSample(Instant at, long committed, long logEnd) {

    /** Records written but not yet committed by the group; never negative. */
    public long lag() {
        return Math.max(0, logEnd - committed);
    }
}
