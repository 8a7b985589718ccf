package org.corridor.bench.soak;

/**
 * One round of the soak: counts so far, the end-to-end p99 of the feed records seen since the previous round, what
 * the monitor said, and the platform's resident memory.
 *
 * @param seconds     since the start of the soak
 * @param p99Ms       end-to-end p99 over this round's feed records (NaN when none)
 * @param rssMiB      resident memory of the platform process, or -1 when not sampled
 */
public record SoakSample(double seconds, long sent, long accepted, long failed, long decided, long feedRecords,
                         long expectedFeedRecords, double p99Ms, MonitorVerdict monitor, long rssMiB) {
}
