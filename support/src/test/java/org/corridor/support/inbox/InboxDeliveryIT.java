package org.corridor.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.InboxDeliveryStatus;
import org.corridor.schemas.avro.InboxReceipt;
import org.corridor.schemas.json.ResponseJson;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import org.corridor.support.thread.ResponseDraft;
import org.corridor.support.webhook.WebhookSignature;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inbox is delivered, on a real broker, into files and signed webhooks: every response once, in order, with a
 * receipt for each outcome; what a receiver cannot take now is tried again until it can, what it refuses is not; a
 * record that does not decode is skipped; a restart delivers nothing twice.
 */
@ExtendWith(KafkaBrokerExtension.class)
class InboxDeliveryIT {

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final AvroSerializer<AlertResponse> writer = Serdes.writer(registry, AlertResponse.class);
    private final AvroSerializer<InboxReceipt> receiptWriter = Serdes.writer(registry, InboxReceipt.class);
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void anInboxIsDeliveredIntoFilesOnceWithReceiptsAndARestartWritesNothingTwice(TestKafka kafka, @TempDir Path dir) throws Exception {
        Topics.Party party = new Topics.Party(false, "it-file-agency");
        kafka.createTopic(party.inbox(), 2);
        kafka.createTopic(Topics.INBOX_RECEIPTS, 1);
        List<AlertResponse> sent = List.of(response(party, "first"), response(party, "second"), response(party, "third"));
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            send(producer, party.inbox(), sent.get(0));
            producer.send(new ProducerRecord<>(party.inbox(), sent.get(0).getAlertAgency() + "/x", "not avro".getBytes(StandardCharsets.UTF_8))).get();
            send(producer, party.inbox(), sent.get(1));
            send(producer, party.inbox(), sent.get(2));
            Path files = dir.resolve(party.name());
            try (InboxDelivery delivery = delivery(kafka, party, new InboxFileSink(files, Clock.systemUTC()), producer)) {
                await(() -> lines(files).size() == 3, "three lines in " + files);
                await(() -> receipts(kafka, party).size() == 3, "three receipts, not " + receipts(kafka, party));
                Thread.sleep(500);
            }
            List<String> lines = lines(files);
            assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"idempotencyKey\""));
            assertThat(lines.stream().map(l -> ResponseJson.read(l)).count()).isEqualTo(3);
            for (AlertResponse r : sent) {
                assertThat(lines).anySatisfy(l -> assertThat(l).contains(r.getResponseId().toString()).contains(r.getText()));
            }
            assertThat(meters.get(InboxDelivery.DELIVERIES).tag("party", party.name()).tag("outcome", "undecodable").counter().count())
                    .isEqualTo(1.0);
            assertThat(receipts(kafka, party)).extracting(InboxReceipt::getStatus).containsOnly(InboxDeliveryStatus.DELIVERED);
            assertThat(receipts(kafka, party)).extracting(InboxReceipt::getResponseId)
                    .containsExactlyInAnyOrderElementsOf(sent.stream().map(AlertResponse::getResponseId).toList());

            // Started again: the committed responses are not delivered again; a new one is.
            AlertResponse fourth = response(party, "fourth");
            send(producer, party.inbox(), fourth);
            try (InboxDelivery delivery = delivery(kafka, party, new InboxFileSink(files, Clock.systemUTC()), producer)) {
                await(() -> lines(files).size() == 4, "the fourth line");
                await(() -> receipts(kafka, party).size() == 4, "the fourth receipt");
                Thread.sleep(1_000);
            }
            assertThat(lines(files)).hasSize(4);
            assertThat(receipts(kafka, party)).hasSize(4);
        }
    }

    @Test
    void aWebhookThatCannotTakeAResponseGetsItAgainInOrderAndARefusalIsNotRetried(TestKafka kafka) throws Exception {
        Topics.Party party = new Topics.Party(false, "it-hook-agency");
        kafka.createTopic(party.inbox(), 1);
        kafka.createTopic(Topics.INBOX_RECEIPTS, 1);
        List<AlertResponse> sent = List.of(response(party, "first"), response(party, "refuse me"), response(party, "third"));
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> verdicts = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        WebhookSignature signature = WebhookSignature.ofSecret(SECRET);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/inbox", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            verdicts.add(signature.verify(exchange.getRequestHeaders().getFirst(WebhookSignature.ID),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE), body, Instant.now(),
                    WebhookSignature.DEFAULT_TOLERANCE).name() + " " + exchange.getRequestHeaders().getFirst("X-Corridor-Party"));
            // A 503, then a 401 (a rotated secret): both about the endpoint, so tried again, never refused.
            int call = calls.incrementAndGet();
            int status = call == 1 ? 503 : call == 2 ? 401 : text.contains("refuse me") ? 422 : 204;
            if (status == 204) {
                received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            sent.forEach(r -> send(producer, party.inbox(), r));
            InboxWebhookSink sink = new InboxWebhook("http://127.0.0.1:" + server.getAddress().getPort() + "/inbox", SECRET,
                    Duration.ofSeconds(5)).sink("test", Clock.systemUTC());
            try (InboxDelivery delivery = delivery(kafka, party, sink, producer)) {
                await(() -> received.size() == 2, "two deliveries");
                await(() -> receipts(kafka, party).size() == 5, "five receipts");
            }
        } finally {
            server.stop(0);
        }
        assertThat(received).containsExactly(sent.get(0).getResponseId().toString(), sent.get(2).getResponseId().toString());
        assertThat(verdicts).containsOnly("VALID agency-it-hook-agency");
        List<InboxReceipt> receipts = receipts(kafka, party);
        assertThat(receipts).extracting(r -> r.getStatus() + " " + r.getAttempt()).containsExactly(
                "FAILED 1", "FAILED 2", "DELIVERED 3", "REFUSED 1", "DELIVERED 1");
        assertThat(receipts.get(1).getDetail()).contains("401");
        assertThat(receipts.get(3).getDetail()).contains("422").doesNotContain("refuse me");
        assertThat(receipts.get(3).getResponseId()).isEqualTo(sent.get(1).getResponseId());
    }

    @Test
    void aWebhookWithoutAStandardSecretOrOverPlainHttpToAnotherHostIsRefusedNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InboxWebhook("http://example.org/in", SECRET, null)
                .sink("corridor.ingest.inbox-webhooks[kz-customs]", Clock.systemUTC()))
                .hasMessageContaining("corridor.ingest.inbox-webhooks[kz-customs].url").hasMessageContaining("loopback");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InboxWebhook("https://example.org/in", "plain text", null)
                .sink("k", Clock.systemUTC())).hasMessageContaining("k.secret").hasMessageNotContaining("plain text");
    }

    private InboxDelivery delivery(TestKafka kafka, Topics.Party party, InboxSink sink, KafkaProducer<String, byte[]> producer) {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        InboxReceipts receipts = new InboxReceipts(producer, receiptWriter, Clock.systemUTC());
        return new InboxDelivery(party, consumer, Serdes.reader(registry, AlertResponse.class), sink, receipts,
                Duration.ofMillis(100), Duration.ofMillis(400), meters).start();
    }

    private AlertResponse response(Topics.Party party, String text) {
        String json = "{\"kind\":\"COMMENT\",\"text\":\"" + text + "\",\"language\":\"en\",\"handling\":{\"tlp\":\"AMBER\"}}";
        ResponseDraft.Checked c = ResponseDraft.complete(ResponseJson.read(json), new Topics.Party(true, "CARICC"),
                "tj-drug-control", UUID.randomUUID(), 1, null, ResponseValidator.withDefaults(), Clock.systemUTC());
        assertThat(c.violations()).isEmpty();
        return c.response();
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, AlertResponse r) {
        try {
            producer.send(new ProducerRecord<>(topic, r.getAlertAgency() + "/" + r.getAlertId(), writer.serialize(topic, r))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<InboxReceipt> receipts(TestKafka kafka, Topics.Party party) {
        AvroDeserializer<InboxReceipt> reader = Serdes.reader(registry, InboxReceipt.class);
        List<InboxReceipt> all = new ArrayList<>();
        kafka.readAll(Topics.INBOX_RECEIPTS).stream().filter(r -> party.name().equals(r.key()))
                .forEach(r -> all.add(reader.deserialize(r.topic(), r.value())));
        return all;
    }

    private static List<String> lines(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            try (var files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(TestKafka kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
