package org.corridor.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.corridor.consumer.router.RouterApplication;
import org.junit.jupiter.api.Test;

class RouterClientSettingsTest {

    @Test
    void takesTheRoutersClientPropertiesAndSkipsPlaceholders() {
        RouterClientSettings s = RouterClientSettings.from(Map.of(
                "spring.kafka.consumer.properties.metadata.max.age.ms", "5000",
                "spring.kafka.consumer.properties.group.instance.id", "${corridor.router.instance-id}",
                "spring.kafka.consumer.max-poll-records", "200",
                "spring.kafka.producer.properties.linger.ms", "2",
                "spring.kafka.producer.batch-size", "65536",
                "spring.kafka.producer.transaction-id-prefix", "router-",
                "server.port", "8082"));
        assertThat(s.consumer()).containsOnly(Map.entry("metadata.max.age.ms", "5000"), Map.entry("max.poll.records", "200"));
        assertThat(s.producer()).containsOnly(Map.entry("linger.ms", "2"), Map.entry("batch.size", "65536"));
        assertThat(s.maxPollRecords()).isEqualTo(200);
        assertThat(s.lingerMs()).isEqualTo(2);
        assertThat(s.batchSize()).isEqualTo(65536);
    }

    @Test
    void whatTheRouterLeavesUnsetKeepsKafkasDefault() {
        RouterClientSettings s = RouterClientSettings.from(Map.of());
        assertThat(s.maxPollRecords()).isEqualTo(500);
        assertThat(s.lingerMs()).isEqualTo(5);
        assertThat(s.batchSize()).isEqualTo(16384);
    }

    @Test
    void theRoutersOwnDefaultsAreTransactionalAndAcksAll() {
        RouterClientSettings s = RouterClientSettings.from(RouterApplication.DEFAULTS);
        assertThat(s.producer()).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(s.consumer()).containsEntry("isolation.level", "read_committed").doesNotContainKey("group.instance.id");
    }
}
