package org.corridor.consumer.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BatchIsolationTest {

    /** A fake transaction: fails when the records contain a poison one, else commits them. */
    private static class FakeKafka implements BatchIsolation.Attempt<Integer> {
        final Set<Integer> poison;
        final List<Integer> committed = new ArrayList<>();
        final List<Integer> isolated = new ArrayList<>();
        final List<Integer> attemptSizes = new ArrayList<>();
        int outageAttempts;
        int failIsolation;

        FakeKafka(Integer... poison) {
            this.poison = Set.of(poison);
        }

        @Override
        public void run(List<Integer> records) {
            attemptSizes.add(records.size());
            if (outageAttempts > 0) {
                outageAttempts--;
                throw new IllegalStateException("outage");
            }
            if (records.stream().anyMatch(poison::contains)) {
                throw new IllegalArgumentException("record too large");
            }
            committed.addAll(records);
        }

        @Override
        public void isolate(Integer record, Exception why) {
            if (failIsolation-- > 0) {
                throw new IllegalStateException("outage");
            }
            isolated.add(record);
        }
    }

    private final List<Long> pauses = new ArrayList<>();
    private int retries;
    private int splits;

    private BatchIsolation<Integer> isolation(int maxRetries) {
        return new BatchIsolation<>(maxRetries, 100, 400,
                e -> e instanceof IllegalArgumentException ? FailureKind.REJECTED
                        : e instanceof UnsupportedOperationException ? FailureKind.FATAL : FailureKind.RETRIABLE,
                pauses::add, new BatchIsolation.Listener() {
                    @Override
                    public void retried(int size, int attempt, Exception why) {
                        retries++;
                    }

                    @Override
                    public void split(int size) {
                        splits++;
                    }

                    @Override
                    public void isolated(Exception why) {
                    }
                });
    }

    private static List<Integer> batch(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @Test
    void aBatchKafkaTakesCommitsInOneAttempt() throws Exception {
        FakeKafka kafka = new FakeKafka();
        isolation(3).process(batch(10), kafka);
        assertThat(kafka.committed).isEqualTo(batch(10));
        assertThat(kafka.attemptSizes).containsExactly(10);
        assertThat(pauses).isEmpty();
    }

    @Test
    void theRefusedRecordIsIsolatedAndEveryOtherCommittedOnceInOrder() throws Exception {
        FakeKafka kafka = new FakeKafka(37);
        isolation(2).process(batch(100), kafka);
        assertThat(kafka.isolated).containsExactly(37);
        List<Integer> expected = batch(100);
        expected.remove(Integer.valueOf(37));
        assertThat(kafka.committed).isEqualTo(expected);
        // One failing part per level of halving (100, 50, 25, 13, 6, 3, 1), each tried 1 + 2 times.
        assertThat(splits).isEqualTo(6);
        assertThat(retries).isEqualTo(2 * 7);
        // ... and the six parts that commit (0-24, 25-36, 38-39, 40-42, 43-49, 50-99) once each.
        assertThat(kafka.attemptSizes).hasSize(3 * 7 + 6);
    }

    @Test
    void severalRefusedRecordsAreEachIsolated() throws Exception {
        FakeKafka kafka = new FakeKafka(0, 1, 63);
        isolation(0).process(batch(64), kafka);
        assertThat(kafka.isolated).containsExactly(0, 1, 63);
        assertThat(kafka.committed).hasSize(61).doesNotContain(0, 1, 63);
        assertThat(kafka.committed).isSorted();
    }

    @Test
    void retriesAreBoundedAndBackOffExponentiallyUpToTheMaximum() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.outageAttempts = 4;
        isolation(4).process(batch(5), kafka);
        assertThat(pauses).containsExactly(100L, 200L, 400L, 400L);
        assertThat(kafka.committed).isEqualTo(batch(5));
    }

    @Test
    void anOutageNeverDeadLettersAGoodRecordButGivesTheBatchBack() {
        FakeKafka kafka = new FakeKafka();
        kafka.outageAttempts = 100;
        assertThatThrownBy(() -> isolation(3).process(batch(8), kafka))
                .isInstanceOfSatisfying(BatchIsolation.GiveBack.class, g -> {
                    assertThat(g.index()).isZero();
                    assertThat(g.kind()).isEqualTo(FailureKind.RETRIABLE);
                });
        assertThat(kafka.attemptSizes).containsExactly(8, 8, 8, 8);
        assertThat(kafka.isolated).isEmpty();
        assertThat(splits).isZero();
    }

    @Test
    void whatWasCommittedBeforeAnOutageIsNotGivenBack() throws Exception {
        FakeKafka kafka = new FakeKafka(1) {
            @Override
            public void run(List<Integer> records) {
                if (records.stream().noneMatch(poison::contains) && records.contains(6)) {
                    throw new IllegalStateException("outage");
                }
                super.run(records);
            }
        };
        assertThatThrownBy(() -> isolation(0).process(batch(8), kafka))
                .isInstanceOfSatisfying(BatchIsolation.GiveBack.class, g -> assertThat(g.index()).isEqualTo(4));
        assertThat(kafka.committed).containsExactly(0, 2, 3);
        assertThat(kafka.isolated).containsExactly(1);
    }

    @Test
    void aFatalFailureIsNotRetried() {
        BatchIsolation.Attempt<Integer> fenced = new FakeKafka() {
            @Override
            public void run(List<Integer> records) {
                attemptSizes.add(records.size());
                throw new UnsupportedOperationException("fenced");
            }
        };
        assertThatThrownBy(() -> isolation(5).process(batch(3), fenced))
                .isInstanceOfSatisfying(BatchIsolation.GiveBack.class, g -> assertThat(g.kind()).isEqualTo(FailureKind.FATAL));
        assertThat(((FakeKafka) fenced).attemptSizes).containsExactly(3);
    }

    @Test
    void aDeadLetterThatCannotBeWrittenKeepsTheRecord() {
        FakeKafka kafka = new FakeKafka(2);
        kafka.failIsolation = 1;
        assertThatThrownBy(() -> isolation(0).process(batch(4), kafka))
                .isInstanceOfSatisfying(BatchIsolation.GiveBack.class, g -> assertThat(g.index()).isEqualTo(2));
        assertThat(kafka.committed).containsExactly(0, 1);
        assertThat(kafka.isolated).isEmpty();
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new BatchIsolation<Integer>(-1, 1, 1, e -> FailureKind.FATAL, m -> { }, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
