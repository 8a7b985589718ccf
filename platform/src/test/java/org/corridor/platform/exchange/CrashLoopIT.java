package org.corridor.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.consumer.delivery.Subscribers;
import org.corridor.consumer.router.Routers;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.router.AlertTemplates;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.consumer.delivery.WebhookSink;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash loops: while alerts keep arriving, the router and a subscriber (two file sinks and a webhook) run as
 * separate processes and are each killed with SIGKILL ten times, at points drawn from a fixed seed (during start-up,
 * or after a random number of decisions or deliveries), and started again at once. Afterwards: one routing decision
 * per alert; every feed holds each of its alerts exactly once (read_committed); the webhook received each of its
 * alerts at least once, duplicates carrying the same Idempotency-Key; the files hold each alert exactly once and only
 * whole lines (the file sink cuts a torn line and skips replayed ones); every delivered alert has a DELIVERED
 * receipt.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CrashLoopIT {

    private static final int KILLS = 10;
    private static final long SEED = 20261128L;
    private static final String SECRET = "crash-loop-webhook-secret";
    private static final List<String> FILE_BODIES = List.of("UNODC", "EUROPOL");
    private static final String WEBHOOK_BODY = "OSCE";

    /** Kept after the run: the processes' logs and the sinks' files. */
    private final Path work = Path.of("target", "crash-loop-it").toAbsolutePath();

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> expected = new ConcurrentHashMap<>();
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    private final List<String> webhookKeys = new CopyOnWriteArrayList<>();
    /** Alert id to its origin agency: the idempotency keys name both. */
    private final Map<String, String> agencies = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();

    /** A process killed and restarted in a loop; the kill points come from the seed. */
    private final class Victim {
        final String name;
        final java.util.function.Supplier<Process> launcher;
        final java.util.function.LongSupplier progress;
        final int maxStep;
        final Random random;
        Process process;
        int kills;
        int killsAfterProgress;
        long base;
        long threshold;
        long startedAt;
        long startupKillMillis;

        Victim(String name, java.util.function.Supplier<Process> launcher, java.util.function.LongSupplier progress,
               int maxStep, Random random) {
            this.name = name;
            this.launcher = launcher;
            this.progress = progress;
            this.maxStep = maxStep;
            this.random = random;
        }

        void start() {
            process = launcher.get();
            startedAt = System.currentTimeMillis();
            base = progress.getAsLong();
            boolean duringStartup = random.nextInt(4) == 0;
            threshold = duringStartup ? 0 : 1 + random.nextInt(maxStep);
            startupKillMillis = 300 + random.nextInt(6_000);
        }

        /** Kills when this round's point is reached, and starts again (the last start is left running). */
        void step() throws InterruptedException {
            if (kills >= KILLS) {
                return;
            }
            if (!process.isAlive()) {
                fail(name + " exited by itself with " + process.exitValue() + "; see " + work);
            }
            long done = progress.getAsLong() - base;
            boolean due = threshold == 0 ? System.currentTimeMillis() - startedAt >= startupKillMillis : done >= threshold;
            if (due) {
                process.destroyForcibly().waitFor();
                kills++;
                if (done > 0) {
                    killsAfterProgress++;
                }
                start();
            }
        }
    }

    @Test
    void routerAndSubscriberKilledTenTimesEachLoseAndDuplicateNothing(TestKafka kafka) throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        HttpServer webhook = webhook();
        Path feeds = work.resolve("feeds");
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-crash-loop-it")) {
            List<AlertTemplates.Template> templates = AlertTemplates.templates();
            Stream.concat(FILE_BODIES.stream(), Stream.of(WEBHOOK_BODY)).forEach(body -> assertThat(templates.stream()
                    .filter(t -> t.expected().contains(body)).count()).as("alerts for %s", body).isPositive());
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread publisher = new Thread(() -> publish(fixture, templates, publishing), "crash-loop-publisher");
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread auditWatcher = new Thread(() -> watchAudit(kafka, watching), "crash-loop-audit");
            auditWatcher.setDaemon(true);
            auditWatcher.start();
            publisher.start();

            Random random = new Random(SEED);
            int webhookPort = webhook.getAddress().getPort();
            Victim router = new Victim("router", () -> launch(RouterApplication.class, Routers.properties(fixture, "crash-loop"), "router"),
                    decided::size, 300, random);
            Victim subscriber = new Victim("subscriber", () -> launch(SubscriberApplication.class,
                    subscriberProperties(fixture, feeds, webhookPort), "subscriber"), () -> deliveries(feeds), 200, random);
            router.start();
            subscriber.start();
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(6).toMillis();
            try {
                while (router.kills < KILLS || subscriber.kills < KILLS) {
                    if (System.currentTimeMillis() > deadline) {
                        fail("no progress: router killed " + router.kills + ", subscriber " + subscriber.kills + " times");
                    }
                    router.step();
                    subscriber.step();
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                publishing.set(false);
                publisher.join();
                System.out.printf("crash loop: %d alerts; router killed %d times (%d after progress), subscriber %d times (%d after progress)%n",
                        ids.size(), router.kills, router.killsAfterProgress, subscriber.kills, subscriber.killsAfterProgress);
                int total = ids.size();
                try {
                    org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                            .until(() -> decided.containsAll(ids) && sinksHaveAll(feeds));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    fail("not everything arrived: " + progress(feeds) + "; logs in " + work, e);
                }
                assertThat(router.killsAfterProgress).as("router kills in mid-stream").isGreaterThanOrEqualTo(5);
                assertThat(subscriber.killsAfterProgress).as("subscriber kills in mid-stream").isGreaterThanOrEqualTo(5);

                List<ConsumerRecord<String, byte[]>> audit = fixture.records(Topics.AUDIT, ids);
                assertThat(audit).as("one decision per alert").hasSize(total);
                assertThat(audit.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(total);
                for (String body : ReferenceData.defaults().bodyIds()) {
                    List<String> keys = fixture.records(Topics.feed(body), ids).stream().map(ConsumerRecord::key).toList();
                    assertThat(keys).as("feed of %s has no duplicate", body).doesNotHaveDuplicates();
                    assertThat(new HashSet<>(keys)).as("feed of %s", body).isEqualTo(expected.getOrDefault(body, Set.of()));
                }
                for (String body : FILE_BODIES) {
                    List<String> lines = sinkKeys(feeds, body).stream().filter(this::mine).toList();
                    assertThat(new HashSet<>(lines)).as("file sink of %s, de-duplicated by idempotency key", body)
                            .isEqualTo(withVersion(expected.get(body)));
                    // The file sink skips a replayed line it already holds (FileSink remembers its last lines' keys).
                    assertThat(lines).as("%s's file has each alert once", body).doesNotHaveDuplicates();
                    System.out.printf("crash loop: %s file sink %d lines, %d alerts, %d duplicates%n", body, lines.size(),
                            expected.get(body).size(), lines.size() - new HashSet<>(lines).size());
                }
                List<String> hooks = webhookKeys.stream().filter(this::mine).toList();
                assertThat(badSignatures).as("webhook signatures").isEmpty();
                assertThat(new HashSet<>(hooks)).as("webhook of %s, de-duplicated by Idempotency-Key", WEBHOOK_BODY)
                        .isEqualTo(withVersion(expected.get(WEBHOOK_BODY)));
                System.out.printf("crash loop: %s webhook %d requests, %d alerts, %d duplicates%n", WEBHOOK_BODY, hooks.size(),
                        expected.get(WEBHOOK_BODY).size(), hooks.size() - new HashSet<>(hooks).size());

                Map<String, Set<String>> receipted = delivered(fixture);
                for (String body : Stream.concat(FILE_BODIES.stream(), Stream.of(WEBHOOK_BODY)).toList()) {
                    assertThat(receipted.getOrDefault(body, Set.of())).as("DELIVERED receipts of %s", body)
                            .isEqualTo(expected.get(body));
                }
            } finally {
                publishing.set(false);
                watching.set(false);
                stop(router.process);
                stop(subscriber.process);
                webhook.stop(0);
            }
        }
    }

    private String progress(Path feeds) throws IOException {
        StringBuilder s = new StringBuilder("decisions " + decided.size() + " of " + ids.size());
        for (String body : FILE_BODIES) {
            Set<String> got = new HashSet<>(sinkKeys(feeds, body));
            s.append(", ").append(body).append(' ').append(withVersion(expected.get(body)).stream().filter(got::contains).count())
                    .append(" of ").append(expected.get(body).size());
        }
        Set<String> hooks = new HashSet<>(webhookKeys);
        s.append(", ").append(WEBHOOK_BODY).append(' ').append(withVersion(expected.get(WEBHOOK_BODY)).stream().filter(hooks::contains).count())
                .append(" of ").append(expected.get(WEBHOOK_BODY).size());
        return s.toString();
    }

    private void publish(ExchangeFixture fixture, List<AlertTemplates.Template> templates, AtomicBoolean publishing) {
        AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
        templates.stream().map(t -> Topics.inbound(t.alert().getOriginAgency().getAgencyId())).distinct()
                .forEach(topic -> fixture.kafka.createTopic(topic, 3));
        int i = 0;
        try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
            while (publishing.get()) {
                for (int n = 0; n < 2; n++, i++) {
                    AlertTemplates.Template t = templates.get(i % templates.size());
                    TraffickingAlert a = TraffickingAlert.newBuilder(t.alert().build()).setAlertId(UUID.randomUUID()).build();
                    String id = a.getAlertId().toString();
                    String agency = a.getOriginAgency().getAgencyId();
                    String topic = Topics.inbound(agency);
                    producer.send(new ProducerRecord<>(topic, null, id, serializer.serialize(topic, a),
                            List.of(new RecordHeader(Headers.ORIGIN_AGENCY, agency.getBytes(StandardCharsets.UTF_8))))).get();
                    agencies.put(id, agency);
                    t.expected().forEach(b -> expected.computeIfAbsent(b, x -> ConcurrentHashMap.newKeySet()).add(id));
                    ids.add(id);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publisher failed", e);
        }
    }

    /** Follows the audit topic (read_committed) and notes every alert of this test that has a decision. */
    private void watchAudit(TestKafka kafka, AtomicBoolean watching) {
        Map<String, Object> props = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        kafka.createTopic(Topics.AUDIT, 3);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.AUDIT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (watching.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && ids.contains(r.key())) {
                        decided.add(r.key());
                    }
                }
            }
        }
    }

    private HttpServer webhook() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(WebhookSink.SIGNATURE);
            if (!WebhookSink.sign(body, SECRET.getBytes(StandardCharsets.UTF_8)).equals(signature)) {
                badSignatures.add(signature);
            }
            webhookKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(204, -1);
            try (OutputStream ignored = exchange.getResponseBody()) {
                // no body
            }
        });
        server.start();
        return server;
    }

    private Map<String, Object> subscriberProperties(ExchangeFixture fixture, Path feeds, int webhookPort) {
        Map<String, Object> props = Subscribers.properties(fixture, String.join(",", FILE_BODIES) + "," + WEBHOOK_BODY);
        props.put("corridor.subscriber.file-dir", feeds.toString());
        props.put("corridor.subscriber.webhooks[" + WEBHOOK_BODY + "].url", "http://127.0.0.1:" + webhookPort + "/alerts");
        props.put("corridor.subscriber.webhooks[" + WEBHOOK_BODY + "].secret", SECRET);
        return props;
    }

    private Process launch(Class<?> main, Map<String, Object> properties, String name) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Deliveries so far: lines in the file sinks and requests to the webhook. */
    /** Per sink file: bytes counted so far and the newlines in them; read only the part appended since. */
    private final Map<Path, long[]> counted = new HashMap<>();

    private long deliveries(Path feeds) {
        long n = webhookKeys.size();
        for (String body : FILE_BODIES) {
            Path dir = feeds.resolve(Topics.feed(body).substring(Topics.FEED_PREFIX.length()));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        n += newlines(f);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return n;
    }

    private long newlines(Path file) throws IOException {
        long[] c = counted.computeIfAbsent(file, f -> new long[2]);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            if (ch.size() < c[0]) {
                // The sink cut a torn last line: count again from the start.
                c[0] = 0;
                c[1] = 0;
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64 * 1024);
            int read;
            while ((read = ch.read(buf, c[0])) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buf.get(i) == '\n') {
                        c[1]++;
                    }
                }
                c[0] += read;
                buf.clear();
            }
        }
        return c[1];
    }

    /** Idempotency keys of every line of a body's files; fails on a line that is not whole JSON. */
    private static List<String> sinkKeys(Path feeds, String body) throws IOException {
        Path dir = feeds.resolve(Topics.feed(body).substring(Topics.FEED_PREFIX.length()));
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        ObjectMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                assertThat(text).as("%s ends with a whole line", f).endsWith("\n");
                for (String line : text.split("\n")) {
                    JsonNode node = json.readTree(line);
                    keys.add(node.path("idempotencyKey").asString());
                }
            }
        }
        return keys;
    }

    private boolean sinksHaveAll(Path feeds) throws IOException {
        for (String body : FILE_BODIES) {
            if (!new HashSet<>(sinkKeys(feeds, body)).containsAll(withVersion(expected.getOrDefault(body, Set.of())))) {
                return false;
            }
        }
        return new HashSet<>(webhookKeys).containsAll(withVersion(expected.getOrDefault(WEBHOOK_BODY, Set.of())));
    }

    /**
     * Whether an idempotency key is of this test's alerts: the feeds also carry what earlier tests in this JVM routed,
     * which the subscriber delivers too.
     */
    private boolean mine(String key) {
        String[] parts = key == null ? new String[0] : key.split(":");
        return parts.length == 3 && ids.contains(parts[1]);
    }

    /** The idempotency keys of version 1 of these alerts: {@code <originAgency>:<alertId>:1}. */
    private Set<String> withVersion(Set<String> alertIds) {
        Set<String> keys = new HashSet<>();
        alertIds.forEach(id -> keys.add(agencies.get(id) + ":" + id + ":1"));
        return keys;
    }

    /** Alert ids with a DELIVERED receipt, by body. */
    private Map<String, Set<String>> delivered(ExchangeFixture fixture) {
        AvroDeserializer<DeliveryReceipt> d = new AvroDeserializer<>(fixture.client);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Map<String, Set<String>> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : fixture.records(Topics.RECEIPTS, ids)) {
            DeliveryReceipt receipt = d.deserialize(r.topic(), r.value());
            if (receipt.getStatus() == DeliveryStatus.DELIVERED) {
                out.computeIfAbsent(receipt.getBody(), b -> new HashSet<>()).add(receipt.getAlertId().toString());
            }
        }
        return out;
    }
}
