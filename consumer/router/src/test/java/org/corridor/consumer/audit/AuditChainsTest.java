package org.corridor.consumer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.corridor.support.audit.DecisionHash;
import org.junit.jupiter.api.Test;

/** Chain heads advance only with a commit, and a new owner reads them from the log. */
class AuditChainsTest {

    private static final AuditWriters ALL = AuditWriters.of(3, Map.of("alerts.in.a", 3),
            Map.of("alerts.in.a", Set.of(0, 1, 2)));

    /** A log whose committed heads the test sets, counting reads. */
    private static final class FakeLog implements AuditChains.HeadSource {
        final Map<Integer, String> heads = new HashMap<>();
        final List<Integer> reads = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Optional<String> head(int auditPartition) {
            reads.add(auditPartition);
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(heads.get(auditPartition));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBatchChainsItsOwnDecisionsAndCommitsTheLastAsTheHead() {
        FakeLog log = new FakeLog();
        AuditChains chains = new AuditChains(log);
        AuditChains.Batch batch = chains.begin(ALL);
        assertThat(batch.previous(1)).as("an empty partition").isNull();
        batch.appended(1, bytes("d1"));
        assertThat(batch.previous(1)).isEqualTo(DecisionHash.of(bytes("d1")));
        batch.appended(1, bytes("d2"));
        batch.committed();

        assertThat(chains.begin(ALL).previous(1)).isEqualTo(DecisionHash.of(bytes("d2")));
        assertThat(log.reads).as("read from the log once").containsExactly(1);
    }

    @Test
    void aBatchWhoseCommitFailedLeavesNoHeadAndTheNextReadsTheLog() {
        FakeLog log = new FakeLog();
        log.heads.put(0, "committed-head");
        AuditChains chains = new AuditChains(log);
        AuditChains.Batch failed = chains.begin(ALL);
        assertThat(failed.previous(0)).isEqualTo("committed-head");
        failed.appended(0, bytes("never committed"));
        failed.commitFailed();

        assertThat(chains.begin(ALL).previous(0)).isEqualTo("committed-head");
        assertThat(log.reads).as("a failed commit may have committed: the log decides").containsExactly(0, 0);
    }

    @Test
    void aBatchNeverCommittedLeavesTheCommittedHeadAsItWas() {
        FakeLog log = new FakeLog();
        AuditChains chains = new AuditChains(log);
        AuditChains.Batch first = chains.begin(ALL);
        first.previous(2);
        first.appended(2, bytes("d1"));
        first.committed();
        AuditChains.Batch abandoned = chains.begin(ALL);
        abandoned.appended(2, bytes("d2"));

        assertThat(chains.begin(ALL).previous(2)).isEqualTo(DecisionHash.of(bytes("d1")));
    }

    @Test
    void aRebalanceForgetsEveryHeadAndABatchFromBeforeItCommitsNone() {
        FakeLog log = new FakeLog();
        AuditChains chains = new AuditChains(log);
        AuditChains.Batch before = chains.begin(ALL);
        before.previous(0);
        before.appended(0, bytes("d1"));
        chains.forget();
        before.committed();
        log.heads.put(0, "what the new owner committed");

        assertThat(chains.begin(ALL).previous(0)).isEqualTo("what the new owner committed");
    }

    @Test
    void aPartitionThisInstanceMayNotWriteAloneIsRefused() {
        AuditWriters some = AuditWriters.of(3, Map.of("alerts.in.a", 3), Map.of("alerts.in.a", Set.of(0)));
        AuditChains.Batch batch = new AuditChains(new FakeLog()).begin(some);
        assertThat(batch.partitionFor(2)).as("the lowest partition this instance writes").isZero();
        assertThatThrownBy(() -> batch.previous(2)).isInstanceOf(AuditNotOwnedException.class)
                .hasMessage("alerts.audit partition 2: alerts.in.a partition 2 maps to it and is not assigned to this instance");
    }

    @Test
    void aHeadThatCannotBeReadYetFailsTheBatchAndIsReadAgainLater() {
        FakeLog log = new FakeLog();
        log.failure = new AuditChainBusyException("alerts.audit-1 has an open transaction");
        AuditChains chains = new AuditChains(log);
        assertThatThrownBy(() -> chains.begin(ALL).previous(1)).isInstanceOf(AuditChainBusyException.class);
        log.failure = null;
        log.heads.put(1, "head after the commit");
        assertThat(chains.begin(ALL).previous(1)).isEqualTo("head after the commit");
    }
}
