package org.corridor.consumer.delivery;

import org.corridor.support.webhook.WebhookSignature;
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
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        return new WebhookSink(URI.create("http://127.0.0.1:" + port + "/alerts"), WebhookSignature.ofSecret(WebhookSinkTest.SECRET),
                Duration.ofSeconds(2), Clock.systemUTC());
    }

    private static Delivery delivery() {
        UUID id = UUID.randomUUID();
        TraffickingAlert alert = Alerts.neutral().setAlertId(id).build();
        return new Delivery("UNODC", alert, Delivery.idempotencyKey(alert), "trace-1",
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

    /** One attempt per alert, a circuit that opens when 2 of the last 4 calls failed. */
    private ResilientDelivery circuit(SignedReceiver receiver) {
        SubscriberProperties settings = TestProperties.bind(Map.of("corridor.subscriber.webhook-max-attempts", "1",
                "corridor.subscriber.webhook-circuit-window", "4", "corridor.subscriber.webhook-circuit-minimum-calls", "4",
                "corridor.subscriber.webhook-circuit-failure-rate", "50", "corridor.subscriber.webhook-circuit-open", "1h"));
        WebhookSink sink = new WebhookSink(receiver.url(), WebhookSignature.ofSecret(WebhookSinkTest.SECRET), Duration.ofSeconds(2),
                Clock.systemUTC());
        return new ResilientDelivery("UNODC", sink, settings, receipts, new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @ParameterizedTest(name = "{0} answers to one agency's alerts")
    @ValueSource(ints = {400, 413, 422})
    void refusalsOfMalformedAlertsNeverOpenTheCircuitForTheOthers(int refusal) throws IOException {
        try (SignedReceiver receiver = new SignedReceiver(WebhookSinkTest.SECRET, Clock.systemUTC())) {
            receiver.answering(n -> n <= 8 ? refusal : 200);
            ResilientDelivery sink = circuit(receiver);
            for (int i = 0; i < 8; i++) {
                assertThat(sink.deliver(List.of(delivery()))).as("a refused alert is parked at once").containsExactly(FeedSink.Outcome.PARKED);
            }
            assertThat(receiver.requests()).as("a refusal is not retried").isEqualTo(8);
            assertThat(sink.deliver(List.of(delivery()))).as("the next agency's alert goes through")
                    .containsExactly(FeedSink.Outcome.DELIVERED);
        }
    }

    @Test
    void serverErrorsOpenTheCircuit() throws IOException {
        try (SignedReceiver receiver = new SignedReceiver(WebhookSinkTest.SECRET, Clock.systemUTC())) {
            receiver.answering(n -> n <= 4 ? 503 : 200);
            ResilientDelivery sink = circuit(receiver);
            for (int i = 0; i < 4; i++) {
                assertThat(sink.deliver(List.of(delivery()))).containsExactly(FeedSink.Outcome.PARKED);
            }
            assertThat(sink.deliver(List.of(delivery()))).as("circuit open: parked without a call").containsExactly(FeedSink.Outcome.PARKED);
            assertThat(receiver.requests()).isEqualTo(4);
            sink.reset();
            assertThat(sink.deliver(List.of(delivery()))).containsExactly(FeedSink.Outcome.DELIVERED);
        }
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
