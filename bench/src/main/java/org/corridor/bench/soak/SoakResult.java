package org.corridor.bench.soak;

import java.util.List;
import java.util.Map;

import org.corridor.bench.load.Percentiles;

/**
 * The whole soak.
 *
 * @param verdicts        monitor rounds by level (OK, WARN, ATTENTION, UNREACHABLE)
 * @param worstRoundP99Ms the highest per-round end-to-end p99
 * @param reasons         every distinct reason the monitor gave for a round that was not OK
 * @param heapSamples     the platform's live heap after a full GC at the counts of {@code --heap-at} that were reached
 * @param heapFlatness    whether those stayed within {@code --heap-tolerance} of the first
 */
public record SoakResult(int rate, double minutes, long accepted, long failed, long decided, long feedRecords,
                         long expectedFeedRecords, Percentiles endToEnd, double worstRoundP99Ms,
                         Map<MonitorVerdict.Level, Long> verdicts, List<String> reasons, long rssFirstMiB, long rssMaxMiB,
                         long rssLastMiB, List<HeapSample> heapSamples, HeapFlatness heapFlatness,
                         List<SoakSample> samples) {
}
