package org.corridor.monitor.lag;

/**
 * The state of a consumer group (or one of its partitions), from the best to the worst. The numeric code is what the
 * Prometheus gauge {@code corridor_monitor_group_status} carries.
 */
public enum GroupStatus {
    /** Caught up, or consuming and not falling behind. */
    OK(0),
    /** Consuming, but the lag grew over the whole window. */
    WARN(1),
    /** The committed offset went backwards (a reset or a replay). */
    REWIND(2),
    /** The committed offset has not moved for several samples while there is lag. */
    STALL(3),
    /** No progress for longer than the window while there is lag: the consumer is gone or hung. */
    STOP(4);

    private final int code;

    GroupStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public GroupStatus worse(GroupStatus other) {
        return other.code > code ? other : this;
    }
}
