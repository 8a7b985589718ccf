package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.support.kafka.Followers;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The id index of a publisher with a state directory outlives the process: a publisher started again on it reads none
 * of the agency's records from before its checkpoint, and still refuses an id already published, numbers a correction
 * after the latest version in the log and answers a new id without reading the topic. With the directory lost, it
 * reads the topic again and answers the same.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IdIndexFromStoreIT {

    private static final String AGENCY = "index-store-it";
    private static final String TOPIC = Topics.inbound(AGENCY);

    @TempDir
    Path stateDir;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final AlertValidator validator = new AlertValidator(ReferenceData.defaults(), Clock.systemUTC());
    private final AtomicInteger scans = new AtomicInteger();

    /** A publisher whose history indexes the topic in {@code dir}; its follower lands in {@code followers}. */
    private AlertPublisher publisher(TestKafka kafka, Path dir, Followers followers) {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<TraffickingAlert> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        TopicAlertHistory history = new TopicAlertHistory(() -> {
            scans.incrementAndGet();
            return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }, deserializer, props, followers, dir);
        return new AlertPublisher(new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new AvroSerializer<>(registry, Map.of(), false)), validator, history, Clock.systemUTC());
    }

    private static TopicFollower index(Followers followers) {
        return followers.all().stream().filter(f -> f.name().equals("alert-ids-" + TOPIC)).findFirst().orElseThrow();
    }

    private static TraffickingAlert corrected(TraffickingAlert alert, String summary) {
        return TraffickingAlert.newBuilder(alert).setSummary(summary).build();
    }

    @Test
    void aRestartedPublisherAnswersFromItsIndexOnDisk(TestKafka kafka) throws Exception {
        kafka.createTopic(TOPIC, 3);
        TraffickingAlert alert = SampleAlerts.heroinSeizure().setAlertId(UUID.randomUUID())
                .setOriginAgency(new Agency(AGENCY, "TJ", "Index store IT")).build();
        try (AlertPublisher first = publisher(kafka, stateDir, new Followers())) {
            first.publishNew(alert, "t-1").get();
            assertThat(first.update(corrected(alert, "412.5 kg, driver detained"), "t-2").get().version()).isEqualTo(2);
        }

        Followers followers = new Followers();
        try (AlertPublisher restarted = publisher(kafka, stateDir, followers)) {
            // A correction numbers after version 2, which the restarted index knows without reading the topic again.
            assertThat(restarted.update(corrected(alert, "412.5 kg, two detained"), "t-3").get().version()).isEqualTo(3);
            TopicFollower index = index(followers);
            await().atMost(Duration.ofSeconds(30)).until(() -> index.handed() == 1);
            assertThat(index.handed()).as("only the record written after the restart").isEqualTo(1);
            assertThatThrownBy(() -> restarted.publishNew(alert, "t-4")).isInstanceOf(AlertExistsException.class);
            int before = scans.get();
            for (int i = 0; i < 20; i++) {
                assertThat(restarted.latest(AGENCY, UUID.randomUUID())).isEmpty();
            }
            assertThat(scans.get()).as("new ids are answered by the index alone").isEqualTo(before);
            assertThat(restarted.latest(AGENCY, alert.getAlertId())).get().extracting(TraffickingAlert::getVersion).isEqualTo(3);
        }

        Followers rebuilt = new Followers();
        try (AlertPublisher lost = publisher(kafka, stateDir.resolve("lost"), rebuilt)) {
            assertThat(lost.retract(AGENCY, alert.getAlertId(), "reported twice", "t-5").get().version()).isEqualTo(4);
            assertThat(index(rebuilt).handed()).as("the topic read from its start").isGreaterThanOrEqualTo(3);
            assertThatThrownBy(() -> lost.publishNew(alert, "t-6")).isInstanceOf(AlertExistsException.class);
        }
    }

    private static Set<Path> temporaryStores() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("corridor-state-alert-ids-" + TOPIC))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    @Test
    void withoutAStateDirectoryTheIndexIsTemporary(TestKafka kafka) throws Exception {
        kafka.createTopic(TOPIC, 3);
        TraffickingAlert alert = SampleAlerts.heroinSeizure().setAlertId(UUID.randomUUID())
                .setOriginAgency(new Agency(AGENCY, "TJ", "Index store IT")).build();
        Set<Path> before = temporaryStores();
        Set<Path> during;
        try (AlertPublisher publisher = publisher(kafka, null, new Followers())) {
            publisher.publishNew(alert, "t-1").get();
            assertThat(publisher.update(corrected(alert, "412.5 kg, driver detained"), "t-2").get().version()).isEqualTo(2);
            during = temporaryStores();
        }
        during.removeAll(before);
        assertThat(during).as("the index's temporary store").hasSize(1);
        Path store = during.iterator().next();
        assertThat(store).as("deleted when the publisher closed").doesNotExist();
    }
}
