package org.corridor.bench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Each topic is written as the principal the ACLs let write it, by a fast idempotent acks=all producer. */
class HistoryClientsTest {

    private static final Map<String, Object> ADMIN = Map.of("bootstrap.servers", "localhost:9092",
            "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"a\";");

    @Test
    void logsInAsThePrincipalInsteadOfTheAdmin() {
        Properties credentials = new Properties();
        credentials.setProperty("router", "secret-r");
        Map<String, Object> router = HistoryClients.as("router", ADMIN, credentials);
        assertThat(router.get("sasl.jaas.config").toString()).contains("username=\"router\"").contains("secret-r")
                .doesNotContain("admin");
        assertThat(router).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void aSecuredBrokerWithoutThePrincipalsPasswordIsRefusedByName() {
        assertThatThrownBy(() -> HistoryClients.as("subscriber", ADMIN, new Properties()))
                .hasMessageContaining("no password for principal \"subscriber\"");
    }

    @Test
    void aPlaintextBrokerKeepsTheSettingsAsTheyAre() {
        Map<String, Object> plain = Map.of("bootstrap.servers", "localhost:9092");
        assertThat(HistoryClients.as("router", plain, new Properties())).isEqualTo(plain);
    }

    @Test
    void producesIdempotentlyWithAcksAllAndLargeCompressedBatches() {
        Map<String, Object> p = HistoryClients.producer(Map.of("bootstrap.servers", "b:9092"), "id");
        assertThat(p).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "lz4").containsEntry("batch.size", 1 << 20)
                .containsEntry("client.id", "id").containsEntry("bootstrap.servers", "b:9092");
        assertThat((Integer) p.get("linger.ms")).isPositive();
    }
}
