package org.corridor.bench.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LagSeriesTest {

    private static LagSeries of(long... lags) {
        LagSeries s = new LagSeries();
        for (int i = 0; i < lags.length; i++) {
            s.add(new LagSeries.Sample(i, lags[i], 1000L * i));
        }
        return s;
    }

    @Test
    void aGroupThatWobblesKeepsUpAndOneThatGrowsFallsBehind() {
        assertThat(of(0, 900, 300, 1200, 50, 800, 700, 100).bounded(500)).isTrue();
        assertThat(of(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000).bounded(500)).isFalse();
        assertThat(of(10, 20).bounded(500)).as("too few samples say nothing").isFalse();
    }

    @Test
    void itsFigures() {
        LagSeries s = of(5, 40, 7);
        assertThat(s.peak()).isEqualTo(40);
        assertThat(s.last()).isEqualTo(7);
        assertThat(s.committedPerSecond()).isEqualTo(1000.0);
    }

    @Test
    void eachTopicsPeakIsItsOwnHighestLag() {
        LagSeries s = new LagSeries();
        s.add(new LagSeries.Sample(0, 30, 0, Map.of("alerts.routed", 10L, "g-by-shard-repartition", 20L)));
        s.add(new LagSeries.Sample(1, 55, 10, Map.of("alerts.routed", 50L, "g-by-shard-repartition", 5L)));
        s.add(new LagSeries.Sample(2, 0, 20, Map.of()));
        assertThat(s.peakByTopic()).containsExactly(Map.entry("alerts.routed", 50L), Map.entry("g-by-shard-repartition", 20L));
        assertThat(s.peak()).as("the group's peak is its total's, not the sum of the topics' peaks").isEqualTo(55);
    }
}
