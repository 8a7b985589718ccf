package org.corridor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    @Test
    void doublesFromTheFirstDelayUpToTheMaximum() {
        RestartBackoff b = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(b.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(b.delay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theDefaultWaitsASecondThenAtMostAMinute() {
        assertThat(RestartBackoff.DEFAULT.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestartBackoff.DEFAULT.delay(100)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rejectsDelaysThatCannotWork() {
        assertThatThrownBy(() -> new RestartBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("first restart delay must be positive");
        assertThatThrownBy(() -> new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("max restart delay PT1S must be >= first PT2S");
        assertThatThrownBy(() -> RestartBackoff.DEFAULT.delay(0)).hasMessageContaining("attempt must be >= 1");
    }
}
