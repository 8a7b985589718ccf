package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestHttpUsers;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow sink: a body's webhook answers after 15 ms, and its feed holds a backlog twice the subscriber's whole heap
 * (a separate process with -Xmx128m). The subscriber must pull only as fast as the sink takes (the backlog waits on
 * the broker, visible as the group's lag), never run out of memory, and deliver every alert exactly once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SlowSinkIT {

    private static final String BODY = "CICA";
    private static final int ALERTS = 700;
    private static final int DETAILS_CHARS = 200_000;
    private static final int HEAP_MIB = 128;

    @TempDir
    Path work;

    @Test
    void aSlowSinkHoldsTheBacklogOnTheBrokerNotInMemory(TestKafka kafka) throws Exception {
        // Only this test's alerts count: the feed may hold records routed by other tests on the shared broker.
        java.util.Set<String> mineOnly = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (mineOnly.contains(key)) {
                keys.add(key);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        int actuatorPort;
        try (ServerSocket s = new ServerSocket(0)) {
            actuatorPort = s.getLocalPort();
        }
        Process subscriber = null;
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-slow-sink-it")) {
            String topic = Topics.feed(BODY);
            fixture.createTopic(topic, 3);
            AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
            long backlogBytes = 0;
            List<String> expected = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                for (int i = 0; i < ALERTS; i++) {
                    TraffickingAlert a = Alerts.neutral().setAlertId(UUID.randomUUID()).setDetails("Ж".repeat(DETAILS_CHARS)).build();
                    byte[] bytes = serializer.serialize(topic, a);
                    backlogBytes += bytes.length;
                    expected.add(Delivery.idempotencyKey(a));
                    mineOnly.add(Delivery.idempotencyKey(a));
                    producer.send(new ProducerRecord<>(topic, a.getAlertId().toString(), bytes));
                }
                producer.flush();
            }
            assertThat(backlogBytes).as("backlog larger than twice the heap").isGreaterThan(2L * HEAP_MIB << 20);

            Map<String, Object> props = Subscribers.properties(fixture, BODY);
            props.put("server.port", Integer.toString(actuatorPort));
            props.put("corridor.subscriber.webhooks[" + BODY + "].url", "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
            props.put("corridor.subscriber.webhooks[" + BODY + "].secret", "whsec_c2xvdy1zaW5rLXNlY3JldC1vZi0zMi1ieXRlcy0uLg==");
            props.put("management.endpoints.web.exposure.include", "health,metrics");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    SubscriberApplication.class.getName()));
            props.forEach((k, v) -> command.add("--" + k + "=" + v));
            Path log = work.resolve("subscriber.log");
            subscriber = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

            List<Long> heapSamples = new ArrayList<>();
            long lagAtHalf = -1;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            HttpClient http = HttpClient.newHttpClient();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                while (new HashSet<>(keys).size() < ALERTS && System.nanoTime() < deadline) {
                    assertThat(subscriber.isAlive()).as("subscriber alive; log %s", log).isTrue();
                    heap(http, actuatorPort, "jvm.memory.used").ifPresent(heapSamples::add);
                    if (lagAtHalf < 0 && keys.size() >= ALERTS / 2) {
                        lagAtHalf = lag(admin, topic);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
                }
            }
            assertThat(new HashSet<>(keys)).as("every alert delivered").isEqualTo(new HashSet<>(expected));
            assertThat(keys).as("each exactly once").hasSize(ALERTS);
            assertThat(subscriber.isAlive()).isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            assertThat(lagAtHalf).as("half-way, the rest of the backlog still waits on the broker").isGreaterThanOrEqualTo(ALERTS / 4);
            long maxHeap = heapSamples.stream().mapToLong(Long::longValue).max().orElse(-1);
            System.out.printf("slow sink: backlog %d MiB through a %d MiB heap; heap used max %d MiB over %d samples; lag half-way %d%n",
                    backlogBytes >> 20, HEAP_MIB, maxHeap >> 20, heapSamples.size(), lagAtHalf);
            // Sampled every 250 ms from start to the last delivery: the 700 deliveries alone take over 10 s.
            assertThat(heapSamples).as("heap sampled throughout the run").hasSizeGreaterThanOrEqualTo(10);
            // The limit is real: the process runs with it (the sum over the heap pools; undefined maxima count -1).
            assertThat(heap(http, actuatorPort, "jvm.memory.max")).as("the subscriber's heap limit")
                    .hasValueSatisfying(max -> assertThat(max).isPositive().isLessThanOrEqualTo((long) HEAP_MIB << 20));
            assertThat(maxHeap).as("heap used stays under the %d MiB limit while a %d MiB backlog goes through", HEAP_MIB,
                    backlogBytes >> 20).isPositive().isLessThan((long) HEAP_MIB << 20);
        } finally {
            server.stop(0);
            if (subscriber != null) {
                subscriber.destroy();
                if (!subscriber.waitFor(30, TimeUnit.SECONDS)) {
                    subscriber.destroyForcibly();
                }
            }
        }
    }

    /** A heap meter of the subscriber process ({@code jvm.memory.used}, {@code jvm.memory.max}), in bytes. */
    private static java.util.Optional<Long> heap(HttpClient http, int port, String meter) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/metrics/" + meter + "?tag=area:heap")).header("Authorization", TestHttpUsers.operator())
                    .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of((long) JsonMapper.shared().readTree(r.body()).path("measurements").get(0).path("value").asDouble());
        } catch (IOException | JacksonException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** Records of the feed the body's group has not committed yet. */
    private static long lag(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("corridor-subscriber-" + BODY.toLowerCase())
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }
}
