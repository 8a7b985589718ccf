package org.corridor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.corridor.broker.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Chooses and starts the test broker. */
final class TestBrokers {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static final Logger log = LoggerFactory.getLogger(TestBrokers.class);

    private TestBrokers() {
    }

    /** A started broker; closing it stops the broker and removes its data. */
    record Running(TestKafka kafka, AutoCloseable stopper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }

    static Running start() {
        String forced = System.getProperty("corridor.test.broker", "");
        boolean container = switch (forced) {
            case "container" -> true;
            case "embedded" -> false;
            case "" -> dockerAvailable();
            default -> throw new IllegalArgumentException(
                    "corridor.test.broker: \"" + forced + "\" is not one of container, embedded");
        };
        Running running = container ? startContainer() : startEmbedded();
        log.info("Test broker: {} at {}", running.kafka().description(), running.kafka().bootstrapServers());
        return running;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Running startContainer() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        TestKafka kafka = new Fixed(container.getBootstrapServers(), "Testcontainers " + KAFKA_IMAGE);
        return new Running(kafka, container::stop);
    }

    private static Running startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("corridor-test-kafka");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.singleNode(dir, 0, Map.of()).start(Duration.ofSeconds(60));
            TestKafka kafka = new Fixed(broker.bootstrapServers(), "in-JVM KRaft broker (Kafka "
                    + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")");
            return new Running(kafka, () -> {
                broker.close();
                deleteRecursively(dir);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the test broker", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Fixed(String bootstrapServers, String description) implements TestKafka {
    }
}
