package org.corridor.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides a partition's status from its recent offset samples, without lag thresholds (the idea of Burrow's
 * evaluator): what matters is whether the committed offset moves and whether the lag shrinks, not how big it is.
 * <ol>
 *   <li>REWIND: the committed offset went back inside the window.</li>
 *   <li>OK: the lag is zero now.</li>
 *   <li>STOP: no progress (an offset change, or a moment of zero lag) for longer than the window.</li>
 *   <li>STALL: the committed offset is the same in the last {@code stallSamples} samples, each with lag.</li>
 *   <li>OK: the lag was zero at some point in the window.</li>
 *   <li>WARN: the offset moves, but the lag grew at every sample of a full window.</li>
 *   <li>OK otherwise: consuming and keeping up or catching up.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class LagEvaluator {

    private final Duration window;
    private final int stallSamples;

    /**
     * @param window       how far back the evaluation looks; STOP means no progress for longer than this
     * @param stallSamples how many consecutive unchanged samples with lag make a STALL (at least 2)
     */
    public LagEvaluator(Duration window, int stallSamples) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (stallSamples < 2) {
            throw new IllegalArgumentException("stallSamples must be at least 2, was " + stallSamples);
        }
        this.window = window;
        this.stallSamples = stallSamples;
    }

    public Duration window() {
        return window;
    }

    /**
     * @param samples the partition's samples, oldest first (older ones than the window are used only to know when
     *                the consumer last made progress)
     * @param now     the evaluation time
     */
    public Verdict evaluate(List<OffsetSample> samples, Instant now) {
        if (samples.isEmpty()) {
            return Verdict.of(GroupStatus.OK, "no offsets observed yet");
        }
        OffsetSample latest = samples.get(samples.size() - 1);
        Instant windowStart = now.minus(window);
        for (int i = 1; i < samples.size(); i++) {
            OffsetSample prev = samples.get(i - 1);
            OffsetSample cur = samples.get(i);
            if (!cur.at().isBefore(windowStart) && cur.committed() < prev.committed()) {
                return Verdict.of(GroupStatus.REWIND, "committed offset went back from %d to %d at %s",
                        prev.committed(), cur.committed(), cur.at());
            }
        }
        if (latest.lag() == 0) {
            return Verdict.of(GroupStatus.OK, "caught up at offset %d", latest.committed());
        }
        Instant progress = lastProgress(samples);
        Duration idle = Duration.between(progress, now);
        if (idle.compareTo(window) > 0) {
            return Verdict.of(GroupStatus.STOP, "no progress for %d s (window %d s): offset %d, lag %d",
                    idle.toSeconds(), window.toSeconds(), latest.committed(), latest.lag());
        }
        if (stalled(samples)) {
            OffsetSample first = samples.get(samples.size() - stallSamples);
            return Verdict.of(GroupStatus.STALL, "offset %d unchanged for %d samples (%d s) while lag is %d",
                    latest.committed(), stallSamples, Duration.between(first.at(), latest.at()).toSeconds(), latest.lag());
        }
        List<OffsetSample> recent = samples.stream().filter(s -> !s.at().isBefore(windowStart)).toList();
        if (recent.stream().anyMatch(s -> s.lag() == 0)) {
            return Verdict.of(GroupStatus.OK, "consuming: lag %d, was 0 within the window", latest.lag());
        }
        if (growing(recent, samples.get(0).at(), windowStart)) {
            OffsetSample first = recent.get(0);
            return Verdict.of(GroupStatus.WARN, "lag grew from %d to %d over %d s while the offset advanced by %d",
                    first.lag(), latest.lag(), Duration.between(first.at(), latest.at()).toSeconds(),
                    latest.committed() - first.committed());
        }
        return Verdict.of(GroupStatus.OK, "consuming: lag %d", latest.lag());
    }

    /** The last sample where the offset moved or the lag was zero; the first sample when neither happened. */
    private static Instant lastProgress(List<OffsetSample> samples) {
        for (int i = samples.size() - 1; i > 0; i--) {
            OffsetSample cur = samples.get(i);
            if (cur.lag() == 0 || cur.committed() != samples.get(i - 1).committed()) {
                return cur.at();
            }
        }
        return samples.get(0).at();
    }

    private boolean stalled(List<OffsetSample> samples) {
        if (samples.size() < stallSamples) {
            return false;
        }
        List<OffsetSample> tail = samples.subList(samples.size() - stallSamples, samples.size());
        long offset = tail.get(0).committed();
        return tail.stream().allMatch(s -> s.committed() == offset && s.lag() > 0);
    }

    /** Lag never fell and ended higher, the offset moved, and the samples cover the whole window. */
    private boolean growing(List<OffsetSample> recent, Instant firstObserved, Instant windowStart) {
        if (recent.size() < stallSamples || firstObserved.isAfter(windowStart)) {
            return false;
        }
        for (int i = 1; i < recent.size(); i++) {
            if (recent.get(i).lag() < recent.get(i - 1).lag()) {
                return false;
            }
        }
        OffsetSample first = recent.get(0);
        OffsetSample last = recent.get(recent.size() - 1);
        return last.lag() > first.lag() && last.committed() > first.committed();
    }
}
