package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KRaftNodeConfigTest {

    @Test
    void singleNodeIsCombinedBrokerAndController() {
        KRaftNodeConfig config = new KRaftNodeConfig(1, "localhost", 9092, 9093, Path.of("/data/kraft"), Map.of());
        Properties p = config.toProperties(config.voter(), 1);
        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:9093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:9092");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data/kraft");
    }

    @Test
    void threeReplicasGiveMinIsrTwo() {
        KRaftNodeConfig config = new KRaftNodeConfig(2, "localhost", 19092, 19093, Path.of("/d"), Map.of());
        Properties p = config.toProperties("1@localhost:1,2@localhost:2,3@localhost:3", 3);
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
    }

    @Test
    void overridesWin() {
        KRaftNodeConfig config = new KRaftNodeConfig(1, "localhost", 9092, 9093, Path.of("/d"),
                Map.of("auto.create.topics.enable", "true", "log.retention.hours", "1"));
        Properties p = config.toProperties(config.voter(), 1);
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(p.getProperty("log.retention.hours")).isEqualTo("1");
    }

    @Test
    void portsMustBeChosen() {
        assertThatThrownBy(() -> new KRaftNodeConfig(1, "localhost", 0, 9093, Path.of("/d"), Map.of()))
                .hasMessageContaining("port=0");
    }
}
