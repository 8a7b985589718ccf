package org.corridor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordFailuresTest {

    private static ConsumerRecord<String, byte[]> at(long offset) {
        return new ConsumerRecord<>("t", 0, offset, "k", new byte[0]);
    }

    private static Consumer<ConsumerRecord<String, byte[]>> throwing(Throwable t) {
        return r -> {
            if (t instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) t;
        };
    }

    @Test
    void whatARecordCanCauseIsSkippedWhatTheProcessSuffersStops() {
        assertThat(RecordFailures.skippable(new IllegalArgumentException())).isTrue();
        assertThat(RecordFailures.skippable(new StackOverflowError())).isTrue();
        assertThat(RecordFailures.skippable(new AssertionError())).isTrue();
        assertThat(RecordFailures.skippable(new OutOfMemoryError())).isFalse();
        assertThat(RecordFailures.skippable(new NoClassDefFoundError())).isFalse();
    }

    @Test
    void aRecordTheCallbackTakesIsHandedOver() {
        assertThat(new RecordFailures("f").hand(at(0), r -> { })).isTrue();
    }

    @Test
    void anExceptionSkipsTheRecord() {
        assertThat(new RecordFailures("f").hand(at(0), throwing(new IllegalStateException("bad value")))).isFalse();
    }

    @Test
    void aFatalErrorStopsOnceThenTheSameRecordIsSkipped() {
        RecordFailures failures = new RecordFailures("f");
        Consumer<ConsumerRecord<String, byte[]>> oom = throwing(new OutOfMemoryError("huge value"));
        assertThatThrownBy(() -> failures.hand(at(7), oom)).isInstanceOf(RecordFailures.Stop.class)
                .hasMessage("the view failed on t-0@7: java.lang.OutOfMemoryError: huge value");
        assertThat(failures.hand(at(7), oom)).isFalse();
        // Another record that fails the same way stops the follower again: it may be the process, not the record.
        assertThatThrownBy(() -> failures.hand(at(8), oom)).isInstanceOf(RecordFailures.Stop.class);
    }

    @Test
    void aReasonIsShortened() {
        String reason = RecordFailures.reason(new IllegalStateException("x".repeat(1000)));
        assertThat(reason).hasSize(303).startsWith("java.lang.IllegalStateException: xxx").endsWith("...");
    }
}
