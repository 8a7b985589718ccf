package org.corridor.monitor.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.corridor.monitor.lag.TimeLag.LogEnd;
import org.junit.jupiter.api.Test;

class TimeLagTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final List<LogEnd> HISTORY = List.of(new LogEnd(T0, 100), new LogEnd(T0.plusSeconds(10), 200),
            new LogEnd(T0.plusSeconds(20), 400));

    @Test
    void caughtUpIsZero() {
        assertThat(TimeLag.estimate(HISTORY, 400, T0.plusSeconds(30))).isZero();
    }

    @Test
    void interpolatesBetweenTheTwoSamplesAroundTheCommittedOffset() {
        // Offset 300 was appended half-way between 10 s and 20 s, i.e. at 15 s; at 30 s it is 15 s old.
        assertThat(TimeLag.estimate(HISTORY, 300, T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(15));
        assertThat(TimeLag.estimate(HISTORY, 150, T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void olderThanTheHistoryGivesTheAgeOfTheOldestSample() {
        assertThat(TimeLag.estimate(HISTORY, 10, T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noHistoryIsZero() {
        assertThat(TimeLag.estimate(List.of(), 10, T0)).isZero();
    }
}
