package org.corridor.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CopyPlanTest {

    private static final List<String> BODIES = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M");

    @Test
    void fractionalRatioAveragesOutExactly() {
        CopyPlan plan = new CopyPlan(4.7, BODIES);
        long total = 0;
        for (long n = 0; n < 10_000; n++) {
            int k = plan.copies(n);
            assertThat(k).isBetween(4, 5);
            total += k;
        }
        assertThat(total).isEqualTo(47_000);
    }

    @Test
    void wholeRatioIsTheSameForEveryRecord() {
        CopyPlan plan = new CopyPlan(3, BODIES);
        for (long n = 0; n < 1_000; n++) {
            assertThat(plan.copies(n)).isEqualTo(3);
        }
    }

    @Test
    void copiesGoToDistinctBodiesAndEveryBodyGetsItsShare() {
        CopyPlan plan = new CopyPlan(4.7, BODIES);
        Map<String, Integer> perBody = new HashMap<>();
        for (long n = 0; n < 13_000; n++) {
            List<String> to = plan.bodiesFor(n);
            assertThat(to).hasSize(plan.copies(n));
            assertThat(new HashSet<>(to)).hasSameSizeAs(to);
            to.forEach(b -> perBody.merge(b, 1, Integer::sum));
        }
        assertThat(perBody).hasSize(13);
        // 13,000 × 4.7 / 13 = 4,700 each, give or take the rounding of the records' starts
        perBody.values().forEach(c -> assertThat(c).isBetween(4_600, 4_800));
    }

    @Test
    void aRatioAboveOneCopyPerBodyIsRefusedWithTheRange() {
        assertThatThrownBy(() -> new CopyPlan(14, BODIES)).hasMessageContaining("between 0 and 13");
        assertThatThrownBy(() -> new CopyPlan(-1, BODIES)).hasMessageContaining("between 0 and 13");
    }
}
