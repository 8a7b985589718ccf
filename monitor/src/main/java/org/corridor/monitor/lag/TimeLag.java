package org.corridor.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lag in time, the way Kafka Lag Exporter measures it: from the history of a partition's log-end offset, find when
 * the record at the committed offset was appended (interpolating between two samples) and measure how long ago that
 * was. Needs no access to the records themselves.
 */
public final class TimeLag {

    /** A log-end offset observed at a moment. */
    public record LogEnd(Instant at, long offset) {
    }

    private TimeLag() {
    }

    /**
     * @param history log-end offsets, oldest first, non-decreasing
     * @return zero when caught up; when the record is older than the history, the age of the oldest sample (a
     *         lower bound)
     */
    public static Duration estimate(List<LogEnd> history, long committed, Instant now) {
        if (history.isEmpty() || committed >= history.get(history.size() - 1).offset()) {
            return Duration.ZERO;
        }
        for (int i = 0; i < history.size(); i++) {
            LogEnd cur = history.get(i);
            if (cur.offset() > committed) {
                if (i == 0) {
                    return positive(Duration.between(cur.at(), now));
                }
                LogEnd prev = history.get(i - 1);
                double fraction = (double) (committed - prev.offset()) / (cur.offset() - prev.offset());
                long spanNanos = Duration.between(prev.at(), cur.at()).toNanos();
                Instant appended = prev.at().plusNanos((long) (fraction * spanNanos));
                return positive(Duration.between(appended, now));
            }
        }
        return Duration.ZERO;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
