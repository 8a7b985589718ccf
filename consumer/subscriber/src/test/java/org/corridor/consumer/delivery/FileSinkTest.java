package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.Alerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final Receipts receipts = new Receipts(producer, new AvroSerializer<DeliveryReceipt>(registry, Map.of(), false), CLOCK);

    private static Delivery delivery(int n) {
        return delivery(n, "br-federal-police");
    }

    /** Version 1 of alert {@code n} of the agency. */
    private static Delivery delivery(int n, String agency) {
        UUID id = new UUID(0, n);
        TraffickingAlert alert = Alerts.neutral().setAlertId(id)
                .setOriginAgency(new Agency(agency, "BR", agency)).build();
        return new Delivery("UNODC", alert, Delivery.idempotencyKey(alert), "trace-" + n,
                new ConsumerRecord<>("alerts.feed.unodc", 0, n, id.toString(), new byte[0]));
    }

    /** The key of {@link #delivery(int)}. */
    private static String key(int n) {
        return "br-federal-police:" + new UUID(0, n) + ":1";
    }

    private FileSink sink() {
        return new FileSink(dir, CLOCK, receipts);
    }

    private List<DeliveryReceipt> receiptsSent() {
        AvroDeserializer<DeliveryReceipt> d = new AvroDeserializer<>(registry);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return producer.history().stream().map(r -> d.deserialize(r.topic(), r.value())).toList();
    }

    private Path file() {
        return dir.resolve("2026-11-28.jsonl");
    }

    private List<String> keys() throws IOException {
        ObjectMapper json = JsonMapper.builder().build();
        return Files.readAllLines(file()).stream().map(line -> {
            try {
                return json.readTree(line).path("idempotencyKey").asString();
            } catch (JacksonException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void aGroupIsAppendedAsOneLineEachWithKeyAndTrace() throws IOException {
        try (FileSink sink = sink()) {
            assertThat(sink.deliver(List.of(delivery(1), delivery(2), delivery(3))))
                    .containsExactly(FeedSink.Outcome.DELIVERED, FeedSink.Outcome.DELIVERED, FeedSink.Outcome.DELIVERED);
            sink.deliver(List.of(delivery(4)));
        }
        assertThat(keys()).containsExactly(key(1), key(2), key(3), key(4));
        assertThat(Files.readString(file())).contains("\"traceId\":\"trace-2\"").endsWith("\n");
        assertThat(receiptsSent()).as("one DELIVERED receipt per line, first attempt, with the priority for the deadlines")
                .allSatisfy(r -> {
                    assertThat(r.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(r.getAttempt()).isEqualTo(1);
                    assertThat(r.getDetail()).startsWith("priority=");
                })
                .extracting(r -> r.getAlertId().toString())
                .containsExactly(new UUID(0, 1).toString(), new UUID(0, 2).toString(), new UUID(0, 3).toString(), new UUID(0, 4).toString());
    }

    @Test
    void aLineCutShortByACrashIsRemovedBeforeTheNextAppend() throws IOException {
        try (FileSink sink = sink()) {
            sink.deliver(List.of(delivery(1), delivery(2)));
        }
        // The process died 70 KB into writing alert 3's line (longer than the sink's 64 KiB read block).
        Files.writeString(file(), "{\"alertId\":\"" + "x".repeat(70_000), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileSink sink = sink()) {
            // The restarted subscriber replays the uncommitted poll: 2 (whole in the file) and 3 (torn).
            sink.deliver(List.of(delivery(2), delivery(3)));
        }
        assertThat(keys()).containsExactly(key(1), key(2), key(3));
    }

    @Test
    void aRedeliveryOfARecentLineIsSkippedButOlderOnesAreWrittenAgain() throws IOException {
        try (FileSink sink = sink()) {
            for (int i = 0; i <= FileSink.RECENT_LINES; i++) {
                sink.deliver(List.of(delivery(i)));
            }
            sink.deliver(List.of(delivery(FileSink.RECENT_LINES), delivery(FileSink.RECENT_LINES - 1)));
            assertThat(keys()).hasSize(FileSink.RECENT_LINES + 1);
            assertThat(receiptsSent()).as("a skipped redelivery is still confirmed").hasSize(FileSink.RECENT_LINES + 3);
            sink.deliver(List.of(delivery(0)));
        }
        assertThat(keys()).as("key 0 was no longer among the remembered").hasSize(FileSink.RECENT_LINES + 2);
    }

    @Test
    void aFileWithOnlyAnIncompleteLineStartsAgainEmpty() throws IOException {
        Files.writeString(file(), "{\"alertId\":\"half");
        try (FileSink sink = sink()) {
            sink.deliver(List.of(delivery(7)));
        }
        assertThat(keys()).containsExactly(key(7));
    }

    /** An alert id is its agency's: another agency's alert with the same id and version is another line. */
    @Test
    void twoAgenciesAlertsWithTheSameIdAndVersionAreTwoLines() throws IOException {
        try (FileSink sink = sink()) {
            sink.deliver(List.of(delivery(5, "kz-customs")));
            sink.deliver(List.of(delivery(5, "tj-drug-control")));
            sink.deliver(List.of(delivery(5, "kz-customs")));
        }
        assertThat(keys()).containsExactly("kz-customs:" + new UUID(0, 5) + ":1", "tj-drug-control:" + new UUID(0, 5) + ":1");
        assertThat(receiptsSent()).extracting(DeliveryReceipt::getOriginAgency)
                .containsExactly("kz-customs", "tj-drug-control", "kz-customs");
    }

    /** A file written before keys carried the agency: the poll replayed across the upgrade is not written twice. */
    @Test
    void aLineWithAKeyWithoutAgencyStillCountsForItsAlertVersion() throws IOException {
        Files.writeString(file(), "{\"alertId\":\"" + new UUID(0, 8) + "\",\"idempotencyKey\":\"" + new UUID(0, 8) + ":1\"}\n");
        try (FileSink sink = sink()) {
            sink.deliver(List.of(delivery(8), delivery(9)));
        }
        assertThat(keys()).containsExactly(new UUID(0, 8) + ":1", key(9));
    }

    /**
     * A replay (an operator's thread, through {@link Redriver}) and the live container write through the same sink at
     * once: every batch stays one contiguous run of whole lines, in order, none lost or doubled.
     */
    @Test
    void aReplayAndLiveDeliveriesAtOnceNeverInterleaveWithinTheFile() throws Exception {
        int batches = 40;
        int perBatch = 50;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (FileSink sink = sink()) {
            List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
            for (int writer = 1; writer <= 2; writer++) {
                int w = writer;
                writers.add(threads.submit(() -> {
                    start.await();
                    for (int b = 0; b < batches; b++) {
                        List<Delivery> batch = new java.util.ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            batch.add(delivery(w * 1_000_000 + b * 1_000 + i));
                        }
                        sink.deliver(batch);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : writers) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> written = keys().stream().map(k -> UUID.fromString(k.split(":")[1]).getLeastSignificantBits()).toList();
        assertThat(written).as("every line whole, each alert once").hasSize(2 * batches * perBatch).doesNotHaveDuplicates();
        for (int at = 0; at < written.size(); at += perBatch) {
            long first = written.get(at);
            assertThat(first % 1_000).as("a batch starts at line %d", at).isZero();
            for (int i = 1; i < perBatch; i++) {
                assertThat(written.get(at + i)).as("line %d continues the batch of line %d", at + i, at).isEqualTo(first + i);
            }
        }
    }
}
