package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.junit.jupiter.api.Test;

/** A record a stage fails on is counted and skipped; Kafka Streams' own exceptions still restart the task. */
class StageGuardTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CorrelatorMetrics metrics = new CorrelatorMetrics(meters);

    @Test
    void aFailureIsCountedByStageAndTheNextRecordStillRuns() {
        StageGuard.run("by-shard", "0", metrics, () -> {
            throw new IllegalStateException("a report that cannot be compared");
        });
        boolean[] ran = {false};
        StageGuard.run("by-shard", "1", metrics, () -> ran[0] = true);
        assertThat(ran[0]).isTrue();
        assertThat(meters.get("corridor.correlator.failed").tag("stage", "by-shard").counter().count()).isEqualTo(1.0);
    }

    @Test
    void kafkaStreamsOwnExceptionsPassSoTheTaskRestarts() {
        assertThatThrownBy(() -> StageGuard.run("by-pair", "p", metrics, () -> {
            throw new TaskMigratedException("fenced");
        })).isInstanceOf(StreamsException.class);
        assertThat(meters.find("corridor.correlator.failed").counter()).isNull();
    }
}
