package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.delivery.Acknowledgements.Outcome;
import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An acknowledgement is written only for a version delivered to the body, names the agency the delivery named, and
 * stops that alert's clock alone; what is not (yet) known is never refused before the receipts are read up to now.
 */
class AcknowledgementsTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final Receipts receipts = new Receipts(producer, new AvroSerializer<DeliveryReceipt>(registry, Map.of(), false),
            Clock.systemUTC());
    private final StateStore store = StateStore.temporary("acknowledgements-test");
    private final Deadlines deadlines = new Deadlines(Map.of(Priority.URGENT, Duration.ofHours(1)), receipts,
            new SubscriberMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), store);
    private final DeliveredAlerts delivered = new DeliveredAlerts(store);

    @AfterEach
    void closeStore() {
        store.close();
    }
    private final UUID id = UUID.randomUUID();

    private Acknowledgements acknowledgements(Supplier<CompletableFuture<Void>> caughtUp) {
        return new Acknowledgements(new DeliveryChecks(delivered, caughtUp, Duration.ofMillis(200)), receipts, deadlines);
    }

    private List<DeliveryReceipt> written() {
        AvroDeserializer<DeliveryReceipt> d = new AvroDeserializer<>(registry);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return producer.history().stream().map(r -> d.deserialize(r.topic(), r.value())).toList();
    }

    @Test
    void aDeliveredVersionIsAcknowledgedWithItsAgencyAndItsClockAloneStops() {
        UUID other = UUID.randomUUID();
        for (UUID alert : List.of(id, other)) {
            delivered.delivered("UNODC", "kz-customs", alert, 2);
            deadlines.delivered("UNODC", "kz-customs", alert, 2, Priority.URGENT, java.time.Instant.now());
        }
        Outcome outcome = acknowledgements(() -> CompletableFuture.completedFuture(null)).acknowledge("UNODC", id, null, null);

        assertThat(outcome).isEqualTo(new Outcome.Acknowledged("kz-customs", 2));
        assertThat(written()).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
            assertThat(r.getBody()).isEqualTo("UNODC");
            assertThat(r.getOriginAgency()).isEqualTo("kz-customs");
            assertThat(r.getAlertId()).isEqualTo(id);
            assertThat(r.getAlertVersion()).isEqualTo(2);
        });
        assertThat(deadlines.running("UNODC", "kz-customs", id)).isFalse();
        assertThat(deadlines.running("UNODC", "kz-customs", other)).isTrue();
    }

    @Test
    void anAlertNeverDeliveredOrAnotherVersionIsRefusedAndNothingIsWritten() {
        delivered.delivered("UNODC", "kz-customs", id, 1);
        deadlines.delivered("UNODC", "kz-customs", id, 1, Priority.URGENT, java.time.Instant.now());
        Acknowledgements acks = acknowledgements(() -> CompletableFuture.completedFuture(null));

        assertThat(acks.acknowledge("UNODC", UUID.randomUUID(), null, null))
                .isEqualTo(new Outcome.Refused(new DeliveredAlerts.Check.NeverDelivered()));
        assertThat(acks.acknowledge("OSCE", id, null, 1)).as("delivered to another body")
                .isEqualTo(new Outcome.Refused(new DeliveredAlerts.Check.NeverDelivered()));
        assertThat(acks.acknowledge("UNODC", id, null, 2))
                .isEqualTo(new Outcome.Refused(new DeliveredAlerts.Check.VersionNotDelivered(2, List.of(1))));
        assertThat(producer.history()).isEmpty();
        assertThat(deadlines.running("UNODC", "kz-customs", id)).as("the deadline still runs").isTrue();
    }

    @Test
    void aDeliveryTheFollowerReadsWhileTheRequestWaitsIsFound() {
        // What the follower reads before it has caught up with the request: another process's delivery.
        Outcome outcome = acknowledgements(() -> {
            delivered.delivered("UNODC", "kz-customs", id, 1);
            return CompletableFuture.completedFuture(null);
        }).acknowledge("UNODC", id, null, 1);
        assertThat(outcome).isEqualTo(new Outcome.Acknowledged("kz-customs", 1));
    }

    @Test
    void whileTheReceiptsAreStillBeingReadTheAnswerIsNotYetNeverARefusal() {
        Outcome outcome = acknowledgements(CompletableFuture::new).acknowledge("UNODC", id, null, 1);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.NotYet.class,
                n -> assertThat(n.why()).contains("alerts.receipts").contains("still being read"));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anAcknowledgementWhoseReceiptIsLostIsNotTakenAndTheClockRuns() {
        delivered.delivered("UNODC", "kz-customs", id, 1);
        deadlines.delivered("UNODC", "kz-customs", id, 1, Priority.URGENT, java.time.Instant.now());
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("broker away");

        Outcome outcome = acknowledgements(() -> CompletableFuture.completedFuture(null)).acknowledge("UNODC", id, null, 1);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.NotYet.class, n -> assertThat(n.why()).contains("broker away"));
        assertThat(deadlines.running("UNODC", "kz-customs", id)).isTrue();
    }
}
