package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.corridor.consumer.audit.AuditChainBusyException;
import org.corridor.consumer.audit.AuditNotOwnedException;
import org.corridor.consumer.isolation.FailureKind;
import org.junit.jupiter.api.Test;

/** The audit chain's failures are never the records' fault, so they never split a batch into dead letters. */
class KafkaFailuresTest {

    @Test
    void aChainHeadNotReadableYetIsRetriedEvenWhenTheReadWasRefused() {
        assertThat(KafkaFailures.classify(new AuditChainBusyException("open transaction"))).isEqualTo(FailureKind.RETRIABLE);
        assertThat(KafkaFailures.classify(new KafkaException("rolled back", new AuditChainBusyException("cannot read",
                new TopicAuthorizationException(Set.of("alerts.audit")))))).isEqualTo(FailureKind.RETRIABLE);
    }

    @Test
    void anAuditThisInstanceMayNotWriteAloneGivesTheBatchBackAtOnce() {
        assertThat(KafkaFailures.classify(new KafkaException("rolled back", new AuditNotOwnedException("no partition"))))
                .isEqualTo(FailureKind.FATAL);
    }
}
