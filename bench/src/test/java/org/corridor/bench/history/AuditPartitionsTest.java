package org.corridor.bench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** A synthetic decision goes where the router would have written it: its inbound partition modulo the audit's. */
class AuditPartitionsTest {

    @Test
    void followsTheInboundPartitionOfTheAlertIdModuloTheAudit() {
        AuditPartitions partitions = new AuditPartitions(Map.of("kz-customs", 6, "tj-border", 3), 4);
        for (int i = 0; i < 1000; i++) {
            byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
            assertThat(partitions.of("kz-customs", key)).isEqualTo(BuiltInPartitioner.partitionForKey(key, 6) % 4);
            assertThat(partitions.of("tj-border", key)).isEqualTo(BuiltInPartitioner.partitionForKey(key, 3) % 4)
                    .isLessThan(3);
        }
    }

    @Test
    void refusesAnAgencyWithoutInboundTopicAndAnEmptyAudit() {
        AuditPartitions partitions = new AuditPartitions(Map.of("kz-customs", 6), 6);
        assertThatThrownBy(() -> partitions.of("xx", new byte[] {1})).hasMessageContaining("agency \"xx\" has no inbound topic");
        assertThatThrownBy(() -> new AuditPartitions(Map.of(), 0)).hasMessageContaining("auditPartitions: 0");
    }
}
