package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.Alerts;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.junit.jupiter.api.Test;

/**
 * A webhook that cannot take an alert parks it; the park is a write like any other: only once the broker has the
 * parked record does the delivery count as PARKED (and its offset may be committed). A park the broker did not take
 * fails the delivery, so the poll comes again instead of the record being lost (#18).
 */
class ResilientDeliveryTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final MockProducer<String, byte[]> receiptsProducer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final Receipts receipts = new Receipts(receiptsProducer, new AvroSerializer<DeliveryReceipt>(registry, Map.of(), false),
            Clock.systemUTC());

    /** A webhook nothing listens on: every attempt fails at once with a refused connection. */
    private static WebhookSink unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return new WebhookSink(URI.create("http://127.0.0.1:" + port + "/alerts"), "secret", Duration.ofSeconds(2));
    }

    private static Delivery delivery() {
        UUID id = UUID.randomUUID();
        return new Delivery("UNODC", Alerts.neutral().setAlertId(id).build(), id + ":1", "trace-1",
                new ConsumerRecord<>(Topics.feed("UNODC"), 0, 42, id.toString(), new byte[] {0, 1, 2}));
    }

    private ResilientDelivery delivery(MockProducer<String, byte[]> parking) throws IOException {
        SubscriberProperties settings = TestProperties.bind(Map.of("corridor.subscriber.webhook-max-attempts", "1"));
        return new ResilientDelivery("UNODC", unreachable(), settings, receipts, parking);
    }

    private List<DeliveryStatus> receiptStatuses() {
        AvroDeserializer<DeliveryReceipt> d = new AvroDeserializer<>(registry);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return receiptsProducer.history().stream().map(r -> d.deserialize(r.topic(), r.value()).getStatus()).toList();
    }

    @Test
    void aParkedRecordCountsOnlyOnceTheBrokerHasIt() throws IOException {
        MockProducer<String, byte[]> parking = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        assertThat(delivery(parking).deliver(List.of(delivery()))).containsExactly(FeedSink.Outcome.PARKED);
        assertThat(parking.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("alerts.feed.unodc.parked");
            assertThat(r.value()).containsExactly(0, 1, 2);
        });
        assertThat(receiptStatuses()).containsExactly(DeliveryStatus.FAILED, DeliveryStatus.PARKED);
    }

    @Test
    void aParkTheBrokerDidNotTakeFailsTheDeliveryInsteadOfCountingAsParked() throws IOException {
        // The broker answers the park with an error (a leader that moved, say, after the producer's own retries).
        MockProducer<String, byte[]> parking = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized void flush() {
                while (errorNext(new NotLeaderOrFollowerException("leader moved"))) {
                    // fail every send under way
                }
            }
        };
        ResilientDelivery sink = delivery(parking);
        assertThatThrownBy(() -> sink.deliver(List.of(delivery())))
                .as("the listener throws: the container commits nothing and delivers the poll again")
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("alerts.feed.unodc.parked").hasMessageContaining("leader moved");
        assertThat(receiptStatuses()).as("no PARKED receipt for a record that is not parked").containsExactly(DeliveryStatus.FAILED);
    }
}
