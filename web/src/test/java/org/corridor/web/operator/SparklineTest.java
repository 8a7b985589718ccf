package org.corridor.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SparklineTest {

    private static Sparkline of(String json) {
        return Sparkline.of(JsonMapper.shared().readTree(json));
    }

    @Test
    void theLineSpansTheWidthWithTheHighestValueOnTopAndTheLowestAtTheBottom() {
        Sparkline s = of("[0, 50, 100]");
        assertThat(s.points()).isEqualTo("0.0,22.0 70.0,12.0 140.0,2.0");
        assertThat(s.first()).isEqualTo(0L);
        assertThat(s.last()).isEqualTo(100L);
    }

    @Test
    void aFlatSeriesIsALineAtTheBottomAndTooFewValuesOrNonNumbersDrawNothing() {
        assertThat(of("[7, 7]").points()).isEqualTo("0.0,22.0 140.0,22.0");
        assertThat(of("[7]").isEmpty()).isTrue();
        assertThat(of("[]").isEmpty()).isTrue();
        assertThat(of("{\"a\":1}").isEmpty()).isTrue();
        assertThat(of("[\"<script>\", 1, 2]").points()).isEqualTo("0.0,22.0 140.0,2.0");
        assertThat(Sparkline.of(null).isEmpty()).isTrue();
    }
}
