package org.corridor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The soak's heap verdict: later samples within the tolerance of the first, as the 300k/900k rule asks. */
class HeapFlatnessTest {

    @Test
    void withinTenPercentIsFlatEitherWay() {
        assertThat(HeapFlatness.of(List.of(sample(300_000, 200), sample(900_000, 219.9)), 0.10).flat()).isTrue();
        assertThat(HeapFlatness.of(List.of(sample(300_000, 200), sample(900_000, 181)), 0.10).flat()).isTrue();
    }

    @Test
    void moreThanTenPercentFailsAndSaysByHowMuch() {
        HeapFlatness grew = HeapFlatness.of(List.of(sample(300_000, 200), sample(600_000, 210), sample(900_000, 230)), 0.10);
        assertThat(grew.judged()).isTrue();
        assertThat(grew.flat()).isFalse();
        assertThat(grew.reason()).contains("200.0 MiB at 300000 alerts").contains("230.0 MiB at 900000").contains("+15.0 %")
                .contains("more than 10 %");
    }

    @Test
    void aFailedSampleFailsAndTooFewAreNotJudged() {
        HeapFlatness failed = HeapFlatness.of(List.of(sample(300_000, 200), new HeapSample(900_000, 9, -1, "jcmd: no such process")), 0.10);
        assertThat(failed.judged()).isTrue();
        assertThat(failed.flat()).isFalse();
        assertThat(failed.reason()).contains("900000").contains("no such process");
        HeapFlatness one = HeapFlatness.of(List.of(sample(300_000, 200)), 0.10);
        assertThat(one.judged()).isFalse();
        assertThat(one.reason()).contains("--heap-at");
    }

    private static HeapSample sample(long alerts, double mib) {
        return new HeapSample(alerts, alerts / 500.0, mib, null);
    }
}
