package org.corridor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.corridor.support.kafka.FollowerStatus.State;
import org.junit.jupiter.api.Test;

class FollowerStatusTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final Instant T3 = T0.plusSeconds(3);

    @Test
    void aNewFollowerIsStartingUntilItCatchesUp() {
        FollowerStatus s = FollowerStatus.starting(T0);
        assertThat(s.state()).isEqualTo(State.STARTING);
        assertThat(s.up()).isFalse();
        FollowerStatus up = s.caughtUp(T1);
        assertThat(up.state()).isEqualTo(State.UP);
        assertThat(up.since()).isEqualTo(T1);
        assertThat(up.reason()).isNull();
    }

    @Test
    void aStoppedFollowerIsDownWithTheReasonUntilTheRestartedOneCatchesUp() {
        FollowerStatus down = FollowerStatus.starting(T0).caughtUp(T1).stopped("TopicAuthorizationException", T2);
        assertThat(down.state()).isEqualTo(State.DOWN);
        assertThat(down.reason()).isEqualTo("TopicAuthorizationException");
        FollowerStatus restarted = down.restarted();
        assertThat(restarted.state()).isEqualTo(State.DOWN);
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(restarted.reason()).isEqualTo("TopicAuthorizationException");
        FollowerStatus upAgain = restarted.caughtUp(T3);
        assertThat(upAgain.state()).isEqualTo(State.UP);
        assertThat(upAgain.reason()).isNull();
        assertThat(upAgain.restarts()).isEqualTo(1);
    }

    @Test
    void aSecondStopBeforeCatchingUpKeepsWhenTheViewFirstWentDown() {
        FollowerStatus again = FollowerStatus.starting(T0).caughtUp(T0).stopped("first", T1).restarted().stopped("second", T3);
        assertThat(again.since()).isEqualTo(T1);
        assertThat(again.reason()).isEqualTo("second");
        assertThat(again.restarted().restarts()).isEqualTo(2);
    }

    @Test
    void aClosedFollowerStaysClosed() {
        FollowerStatus closed = FollowerStatus.starting(T0).caughtUp(T1).closed(T2);
        assertThat(closed.state()).isEqualTo(State.CLOSED);
        assertThat(closed.caughtUp(T3)).isSameAs(closed);
        assertThat(closed.stopped("late error", T3)).isSameAs(closed);
        assertThat(closed.restarted()).isSameAs(closed);
        assertThat(closed.closed(T3)).isSameAs(closed);
    }

    @Test
    void onlyADownFollowerCountsARestart() {
        FollowerStatus up = FollowerStatus.starting(T0).caughtUp(T1);
        assertThat(up.restarted()).isSameAs(up);
        assertThat(up.caughtUp(T2)).isSameAs(up);
    }

    @Test
    void aDownStatusNeedsAReason() {
        assertThatThrownBy(() -> FollowerStatus.starting(T0).stopped(" ", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }

    @Test
    void theWorstStateSumsUpAService() {
        assertThat(FollowerStatus.worst(List.of())).isEqualTo(State.UP);
        assertThat(FollowerStatus.worst(List.of(State.UP, State.UP))).isEqualTo(State.UP);
        assertThat(FollowerStatus.worst(List.of(State.UP, State.STARTING))).isEqualTo(State.STARTING);
        assertThat(FollowerStatus.worst(List.of(State.STARTING, State.DOWN, State.CLOSED))).isEqualTo(State.DOWN);
    }
}
