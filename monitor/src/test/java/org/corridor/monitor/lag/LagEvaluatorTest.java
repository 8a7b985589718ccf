package org.corridor.monitor.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Synthetic offset histories, one sample every 10 s, a 60 s window, STALL after 3 unchanged samples. */
class LagEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final LagEvaluator evaluator = new LagEvaluator(Duration.ofSeconds(60), 3);

    /** Pairs of (committed, logEnd), one per 10 s from T0. */
    private static List<OffsetSample> history(long... committedAndLogEnd) {
        List<OffsetSample> samples = new ArrayList<>();
        for (int i = 0; i < committedAndLogEnd.length; i += 2) {
            samples.add(new OffsetSample(T0.plusSeconds(10L * (i / 2)), committedAndLogEnd[i], committedAndLogEnd[i + 1]));
        }
        return samples;
    }

    private Verdict at(List<OffsetSample> samples) {
        return evaluator.evaluate(samples, samples.get(samples.size() - 1).at());
    }

    @Test
    void aCaughtUpConsumerIsOk() {
        Verdict v = at(history(10, 10, 20, 20, 30, 30));
        assertThat(v.status()).isEqualTo(GroupStatus.OK);
        assertThat(v.explanation()).isEqualTo("caught up at offset 30");
    }

    @Test
    void anIdleConsumerWithNothingToReadIsOkHoweverLong() {
        assertThat(at(history(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).status()).isEqualTo(GroupStatus.OK);
    }

    @Test
    void aConsumerKeepingUpWithSomeLagIsOk() {
        Verdict v = at(history(0, 100, 90, 200, 190, 300, 290, 400, 390, 500, 490, 600, 590, 700, 690, 800));
        assertThat(v.status()).isEqualTo(GroupStatus.OK);
        assertThat(v.explanation()).isEqualTo("consuming: lag 110");
    }

    @Test
    void lagGrowingOverTheWholeWindowWhileConsumingIsWarn() {
        Verdict v = at(history(0, 100, 50, 200, 100, 300, 150, 400, 200, 500, 250, 600, 300, 700, 350, 800));
        assertThat(v.status()).isEqualTo(GroupStatus.WARN);
        assertThat(v.explanation()).isEqualTo("lag grew from 150 to 450 over 60 s while the offset advanced by 300");
    }

    @Test
    void growingLagIsNotJudgedBeforeAWholeWindowWasObserved() {
        assertThat(at(history(0, 100, 50, 200, 100, 300)).status()).isEqualTo(GroupStatus.OK);
    }

    @Test
    void aLagThatFellOnceInTheWindowIsNotWarn() {
        assertThat(at(history(0, 100, 50, 200, 100, 300, 150, 400, 350, 410, 360, 600, 400, 700, 450, 800)).status())
                .isEqualTo(GroupStatus.OK);
    }

    @Test
    void anUnchangedOffsetWithLagIsStallAfterThreeSamples() {
        List<OffsetSample> stopped = history(100, 100, 200, 200, 300, 350, 300, 400, 300, 450);
        assertThat(at(stopped.subList(0, 4)).status()).isEqualTo(GroupStatus.OK);
        Verdict v = at(stopped);
        assertThat(v.status()).isEqualTo(GroupStatus.STALL);
        assertThat(v.explanation()).isEqualTo("offset 300 unchanged for 3 samples (20 s) while lag is 150");
    }

    @Test
    void noProgressForLongerThanTheWindowIsStop() {
        // Last progress at 20 s (offset moved to 300); at 90 s that is 70 s ago, longer than the 60 s window.
        Verdict v = at(history(100, 100, 200, 200, 300, 350, 300, 400, 300, 450, 300, 500, 300, 550, 300, 600, 300, 650, 300, 700));
        assertThat(v.status()).isEqualTo(GroupStatus.STOP);
        assertThat(v.explanation()).isEqualTo("no progress for 70 s (window 60 s): offset 300, lag 400");
    }

    @Test
    void aStoppedConsumerGoesFromOkThroughStallToStop() {
        List<OffsetSample> h = history(100, 100, 200, 200, 300, 350, 300, 400, 300, 450, 300, 500, 300, 550, 300, 600, 300, 650, 300, 700);
        List<GroupStatus> seen = new ArrayList<>();
        for (int n = 1; n <= h.size(); n++) {
            GroupStatus s = at(h.subList(0, n)).status();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != s) {
                seen.add(s);
            }
        }
        assertThat(seen).containsExactly(GroupStatus.OK, GroupStatus.STALL, GroupStatus.STOP);
    }

    @Test
    void aBurstAfterALongIdleSpellIsNotAStop() {
        // Idle at lag 0 for 100 s, then records arrive and the consumer has not committed yet: progress was the lag-0 moment.
        Verdict v = at(history(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 50));
        assertThat(v.status()).isEqualTo(GroupStatus.OK);
    }

    @Test
    void anOffsetGoingBackIsRewind() {
        Verdict v = at(history(100, 200, 150, 200, 20, 200, 60, 200));
        assertThat(v.status()).isEqualTo(GroupStatus.REWIND);
        assertThat(v.explanation()).isEqualTo("committed offset went back from 150 to 20 at 2026-11-27T10:00:20Z");
    }

    @Test
    void aRewindOlderThanTheWindowIsForgotten() {
        List<OffsetSample> h = history(100, 200, 20, 200, 60, 200, 100, 200, 140, 200, 180, 200, 200, 200, 200, 210, 210, 220);
        assertThat(at(h).status()).isEqualTo(GroupStatus.OK);
    }

    @Test
    void noSamplesIsOk() {
        assertThat(evaluator.evaluate(List.of(), T0).status()).isEqualTo(GroupStatus.OK);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new LagEvaluator(Duration.ZERO, 3)).hasMessage("window must be positive, was PT0S");
        assertThatThrownBy(() -> new LagEvaluator(Duration.ofSeconds(1), 1)).hasMessage("stallSamples must be at least 2, was 1");
    }

    @Test
    void worseKeepsTheMoreSevereStatus() {
        assertThat(GroupStatus.OK.worse(GroupStatus.STALL)).isEqualTo(GroupStatus.STALL);
        assertThat(GroupStatus.STOP.worse(GroupStatus.WARN)).isEqualTo(GroupStatus.STOP);
    }
}
