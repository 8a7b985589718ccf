package org.corridor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.monitor.cluster.PrometheusText;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestHttpUsers;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monitor against a real broker with real consumers: a consumer that stops, a consumer that falls behind then
 * catches up, dead letters, the health endpoint and the Prometheus page. Sampling every 500 ms over a 5 s window.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MonitorIT {

    private static final String STOPPED_GROUP = "monitor-it-stopped";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext monitor;
    private static String url;
    private static TestKafka kafka;

    @BeforeAll
    static void start(TestKafka broker) {
        kafka = broker;
        Map<String, Object> props = new HashMap<>(MonitorApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        props.put("corridor.monitor.sample-interval", "500ms");
        props.put("corridor.monitor.window", "5s");
        props.put("corridor.monitor.router-group", STOPPED_GROUP);
        props.put("corridor.monitor.scrape-urls", "");
        props.putAll(TestHttpUsers.properties());
        monitor = new SpringApplicationBuilder(MonitorApplication.class).properties(props).run();
        url = "http://localhost:" + monitor.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        monitor.close();
    }

    @Test
    void aStoppedConsumerBecomesStallThenStopAndTheHealthGoesDown() throws Exception {
        String topic = "monitor-it-stop";
        kafka.createTopic(topic, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> consumer = consumer(STOPPED_GROUP, 50)) {
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            ticks.scheduleAtFixedRate(() -> {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "k", "v"));
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            consumer.subscribe(List.of(topic));
            // Consume and commit until the monitor has seen the group make progress.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                consumer.commitSync();
                JsonNode g = group(STOPPED_GROUP);
                return g != null && g.get("partitions").size() == 1 && g.get("partitions").get(0).get("committed").asLong() > 0;
            });
            consumer.close();
            // The consumer is gone, the producer goes on.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode g = group(STOPPED_GROUP);
                String status = g.get("status").asString();
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                    seen.add(status);
                }
                return status.equals("STOP");
            });
            ticks.shutdownNow();
        }
        assertThat(seen).containsSubsequence("STALL", "STOP");
        assertThat(seen).doesNotContain("WARN", "REWIND");
        JsonNode g = group(STOPPED_GROUP);
        assertThat(g.get("members").asInt()).isZero();
        assertThat(g.get("explanation").asString()).contains("no progress for").contains("no active members");
        assertThat(g.get("lag").asLong()).isPositive();
        assertThat(g.get("lagSeconds").asDouble()).isPositive();

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode exchange = JSON.readTree(health.body()).get("components").get("exchange");
        assertThat(exchange.get("status").asString()).isEqualTo("DOWN");
        assertThat(exchange.get("details").get("reason").asString()).isEqualTo("the router group " + STOPPED_GROUP + " is STOP");
    }

    @Test
    void aConsumerFallingBehindIsWarnThenOkOnceItCatchesUp() throws Exception {
        String topic = "monitor-it-slow";
        String group = "monitor-it-slow";
        kafka.createTopic(topic, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> consumer = consumer(group, 2)) {
            consumer.subscribe(List.of(topic));
            // Producer: 50 records/s. Consumer: at most 2 records every 100 ms, 20/s: the lag grows steadily.
            var producing = ticks.scheduleAtFixedRate(() -> {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "k", "v"));
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            ticks.scheduleAtFixedRate(() -> {
                consumer.poll(Duration.ofMillis(20));
                consumer.commitSync();
            }, 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> track(group, seen).equals("WARN"));
            producing.cancel(false);
            // The producer stopped: the consumer catches up and the group is OK again.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> track(group, seen).equals("OK")
                    && group(group).get("lag").asLong() == 0);
            ticks.shutdownNow();
            ticks.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(seen).containsSubsequence("WARN", "OK");
        assertThat(seen).doesNotContain("STOP", "REWIND");
        assertThat(group(group).get("explanation").asString()).startsWith("caught up");
    }

    @Test
    void deadLettersAreCountedByReasonAndEveryDocumentedMetricIsExported() throws Exception {
        kafka.createTopic(Topics.DEAD_LETTERS, 3);
        kafka.createTopic(Topics.DEAD_LETTER_SUMMARY, 3);
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "monitor-it-dlq");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 7; i++) {
                String code = i < 4 ? "INVALID" : "UNDECODABLE";
                // What the router writes beside each dead letter: headers only, which is all the monitor may read.
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.DEAD_LETTER_SUMMARY, null, null);
                r.headers().add(new RecordHeader(Headers.DLQ_REASON_CODE, code.getBytes(StandardCharsets.UTF_8)));
                r.headers().add(new RecordHeader(Headers.DLQ_REASON, ("reason " + i).getBytes(StandardCharsets.UTF_8)));
                r.headers().add(new RecordHeader(Headers.DLQ_SOURCE_TOPIC, "alerts.in.x".getBytes(StandardCharsets.UTF_8)));
                producer.send(r);
            }
            producer.commitTransaction();
            // An aborted transaction is not counted.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTER_SUMMARY, null, null));
            producer.flush();
            producer.abortTransaction();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> report().get("deadLetters").get("total").asLong() == 7);
        JsonNode dead = report().get("deadLetters");
        assertThat(dead.get("byReason").get("INVALID").asLong()).isEqualTo(4);
        assertThat(dead.get("byReason").get("UNDECODABLE").asLong()).isEqualTo(3);
        assertThat(dead.get("recent").get(0).get("sourceTopic").asString()).isEqualTo("alerts.in.x");
        JsonNode dlqTopic = null;
        for (JsonNode t : report().get("topics")) {
            if (t.get("name").asString().equals(Topics.DEAD_LETTERS)) {
                dlqTopic = t;
            }
        }
        assertThat(dlqTopic.get("kind").asString()).isEqualTo("dead-letters");

        // A group that has committed but never had a member, so the group meters have a row whatever ran before.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets("monitor-it-metrics",
                    Map.of(new TopicPartition(Topics.DEAD_LETTERS, 0), new OffsetAndMetadata(0))).all().get();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> prometheus().containsKey("corridor_monitor_dead_letters{reason=INVALID}")
                && prometheus().containsKey("corridor_monitor_group_status{group=monitor-it-metrics}"));
        Map<String, Double> metrics = prometheus();
        assertThat(metrics).containsEntry("corridor_monitor_dead_letters{reason=INVALID}", 4.0)
                .containsEntry("corridor_monitor_dead_letters{reason=UNDECODABLE}", 3.0);
        Set<String> exported = new TreeSet<>();
        metrics.keySet().forEach(k -> exported.add(k.replaceAll("\\{.*", "")));
        Set<String> documented = documentedMetricNames();
        assertThat(documented).hasSizeGreaterThan(15);
        assertThat(exported).containsAll(documented);
    }

    /** Every {@code corridor_monitor_*} name in docs/monitoring.md. */
    private static Set<String> documentedMetricNames() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "monitoring.md"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`(corridor_monitor_[a-z_]+)`").matcher(doc);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String track(String group, List<String> seen) throws Exception {
        JsonNode g = group(group);
        if (g == null) {
            return "";
        }
        String status = g.get("status").asString();
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
            seen.add(status);
        }
        return status;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String group, int maxPollRecords) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                new StringDeserializer(), new StringDeserializer());
    }

    /** As the operator, who may read the monitor's API and its actuator. */
    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", TestHttpUsers.operator()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode report() throws Exception {
        HttpResponse<String> r = get("/api/v1/health");
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
    }

    private static JsonNode group(String id) throws Exception {
        HttpResponse<String> r = get("/api/v1/health/groups/" + id);
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    /** Series name with sorted labels (values only) to value: {@code name{reason=INVALID}}. */
    private static Map<String, Double> prometheus() throws Exception {
        Map<String, Double> out = new HashMap<>();
        for (PrometheusText.Sample s : PrometheusText.parse(get("/actuator/prometheus").body())) {
            List<String> labels = new ArrayList<>();
            new TreeSet<>(s.labels().keySet()).forEach(k -> labels.add(k + "=" + s.labels().get(k)));
            out.put(s.name() + (labels.isEmpty() ? "" : "{" + String.join(",", labels) + "}"), s.value());
        }
        return out;
    }
}
