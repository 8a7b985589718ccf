package org.corridor.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.router.AlertTemplates;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.PlatformSettings;
import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.exchange.HostileRecords.Hostile;
import org.corridor.platform.launch.Service;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.security.ClientConfigFile;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.support.serde.AvroSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secured embedded exchange, as ./corridor up runs it, against hostile records on every topic some principal may
 * write: an agency's inbound topic (as that agency), the receipts (as the subscriber service, the only principal
 * that may: a body's write is refused) and the registry's _schemas (as the registry's principal). Each gets records under every registered schema id, lying length prefixes, a collection
 * claiming 2^30 items, truncations and 100,000-deep nesting, interleaved with good alerts. Every good alert is
 * routed once and delivered once to each body it concerns; every hostile inbound record is dead-lettered exactly
 * once with its code, reason and bytes; no batch is given back or retried; every service stays UP.
 */
class HostileRecordsIT {

    private static final String AGENCY = "tj-drug-control";
    private static final String INBOUND = Topics.inbound(AGENCY);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void hostileRecordsOnEveryWritableTopicStopNothing() throws Exception {
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false)).start()) {
            assertThat(platform.secured()).isTrue();
            CredentialStore store = CredentialStore.open(data);
            // The admin's client settings: the registry writer's credentials, which registering the receipt schema needs.
            SchemaRegistryClient registry = new CachingSchemaRegistryClient(RegistryClientConfig.from(
                    ClientConfigFile.load(data.resolve("client.properties")).serde()));
            AvroSerializer<TraffickingAlert> alerts = new AvroSerializer<>(registry, Map.of(), false);
            AvroSerializer<DeliveryReceipt> receipts = new AvroSerializer<>(registry, Map.of(), false);
            AlertTemplates.Template template = AlertTemplates.templates().stream()
                    .filter(t -> t.alert().getOriginAgency().getAgencyId().equals(AGENCY)).findFirst().orElseThrow();

            byte[] validAlert = alerts.serialize(INBOUND, alert(template));
            byte[] validReceipt = receipts.serialize(Topics.RECEIPTS, new DeliveryReceipt("EUROPOL", UUID.randomUUID(), 1,
                    DeliveryStatus.DELIVERED, Instant.now(), 1, null, AGENCY));
            // One alert routed first, so the router has registered its decision schema: then every schema is known.
            List<String> good = new ArrayList<>();
            Map<String, Object> admin = platform.adminClient();
            try (KafkaProducer<String, byte[]> agency = producer(platform, store, Principals.agency(AGENCY))) {
                TraffickingAlert first = alert(template);
                good.add(first.getAlertId().toString());
                agency.send(new ProducerRecord<>(INBOUND, first.getAlertId().toString(), alerts.serialize(INBOUND, first))).get();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> read(admin, Topics.AUDIT, Set.copyOf(good)).size() == 1);
            List<Integer> ids = schemaIds(registry);
            assertThat(ids).as("TraffickingAlert, RoutingDecision and DeliveryReceipt are registered").hasSizeGreaterThanOrEqualTo(3);

            // Inbound, as the agency: hostile records interleaved with good alerts, some of which carry a hostile
            // trace-id header (a megabyte is refused by the producer; 100 kB of text is not).
            List<Hostile> hostileInbound = HostileRecords.avro(ids, id(validAlert), validAlert, 7);
            Map<String, byte[]> hostileByKey = new LinkedHashMap<>();
            Set<String> badTrace = new java.util.HashSet<>();
            try (KafkaProducer<String, byte[]> agency = producer(platform, store, Principals.agency(AGENCY))) {
                for (int i = 0; i < 80; i++) {
                    TraffickingAlert a = alert(template);
                    String id = a.getAlertId().toString();
                    good.add(id);
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>(INBOUND, id, alerts.serialize(INBOUND, a));
                    if (i % 10 == 3) {
                        r.headers().add(new RecordHeader(Headers.TRACE_ID, ("<" + "x".repeat(100_000) + "\n>").getBytes(StandardCharsets.UTF_8)));
                        badTrace.add(id);
                    }
                    agency.send(r);
                    if (i < hostileInbound.size()) {
                        String key = "hostile-" + i;
                        hostileByKey.put(key, hostileInbound.get(i).value());
                        agency.send(new ProducerRecord<>(INBOUND, key, hostileInbound.get(i).value()));
                    }
                }
                agency.flush();
            }
            assertThat(hostileByKey).hasSize(hostileInbound.size());

            // alerts.routed, as the router's principal (a compromised router, the only one that may write it): the
            // correlator dead-letters each record it cannot read, with its bytes and why, and goes on.
            Map<String, byte[]> hostileRouted = new LinkedHashMap<>();
            try (KafkaProducer<String, byte[]> router = producer(platform, store, Principals.ROUTER)) {
                for (int i = 0; i < hostileInbound.size(); i++) {
                    String key = "routed-hostile-" + i;
                    hostileRouted.put(key, hostileInbound.get(i).value());
                    router.send(new ProducerRecord<>(Topics.ROUTED_VERSIONS, key, hostileInbound.get(i).value()));
                }
                router.flush();
            }

            // Receipts: a body may not write them at all (a receipt names a body: it could speak for another)...
            try (KafkaProducer<String, byte[]> body = producer(platform, store, Principals.body("EUROPOL"))) {
                assertThatThrownBy(() -> body.send(new ProducerRecord<>(Topics.RECEIPTS, UUID.randomUUID().toString(), validReceipt)).get())
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
            }
            // ... so hostile ones come from the subscriber's principal, a compromised service: what every subscriber's
            // deadline view, the monitor and the status view read.
            List<Hostile> hostileReceipts = HostileRecords.avro(ids, id(validReceipt), validReceipt, 11);
            try (KafkaProducer<String, byte[]> subscriber = producer(platform, store, Principals.SUBSCRIBER)) {
                for (Hostile h : hostileReceipts) {
                    subscriber.send(new ProducerRecord<>(Topics.RECEIPTS, UUID.randomUUID().toString(), h.value()));
                }
                subscriber.send(new ProducerRecord<>(Topics.RECEIPTS, "not-a-uuid", validReceipt));
                subscriber.send(new ProducerRecord<>(Topics.RECEIPTS, null, null));
                subscriber.flush();
            }

            // _schemas, as the registry's principal: keys and values that are no schema record of any registry.
            try (KafkaProducer<String, byte[]> writer = producer(platform, store, Principals.REGISTRY)) {
                List<String[]> schemas = List.of(
                        new String[] {"not json", "not json"},
                        new String[] {"[".repeat(100_000), "{}"},
                        new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"x-value\",\"version\":1,\"magic\":1}", "[".repeat(100_000)},
                        new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"x-value\",\"version\":1,\"magic\":1}",
                            "{\"subject\":\"x-value\",\"version\":1,\"id\":1,\"schema\":\"{not avro\"}"},
                        new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"" + "s".repeat(500_000) + "\",\"version\":-1,\"magic\":1}", "{}"},
                        new String[] {"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"alerts.in.tj-drug-control-value\"}", "[]"},
                        new String[] {null, "{}"});
                for (String[] kv : schemas) {
                    writer.send(new ProducerRecord<>(Topics.SCHEMAS, kv[0], kv[1].getBytes(StandardCharsets.UTF_8)));
                }
                writer.flush();
            }

            // And good alerts after all of it: the views that read receipts must still see their deliveries.
            try (KafkaProducer<String, byte[]> agency = producer(platform, store, Principals.agency(AGENCY))) {
                for (int i = 0; i < 20; i++) {
                    TraffickingAlert a = alert(template);
                    good.add(a.getAlertId().toString());
                    agency.send(new ProducerRecord<>(INBOUND, a.getAlertId().toString(), alerts.serialize(INBOUND, a)));
                }
                agency.flush();
            }

            Set<String> bodies = template.expected();
            org.awaitility.Awaitility.await("every hostile inbound record dead-lettered").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> read(admin, Topics.DEAD_LETTERS, hostileByKey.keySet()).size() >= hostileByKey.size());
            org.awaitility.Awaitility.await("every good alert routed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> read(admin, Topics.AUDIT, Set.copyOf(good)).size() >= good.size());
            for (String body : bodies) {
                org.awaitility.Awaitility.await("every good alert in " + body + "'s files").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> delivered(body, good).size() >= good.size());
            }

            // Every good alert: one decision, one feed record per body concerned, one line in each body's file.
            assertThat(read(admin, Topics.AUDIT, Set.copyOf(good))).extracting(ConsumerRecord::key)
                    .hasSize(good.size()).doesNotHaveDuplicates();
            for (String body : bodies) {
                List<ConsumerRecord<String, byte[]>> feed = read(admin, Topics.feed(body), Set.copyOf(good));
                assertThat(feed).as("feed of " + body).extracting(ConsumerRecord::key).hasSize(good.size()).doesNotHaveDuplicates();
                feed.stream().filter(r -> badTrace.contains(r.key())).forEach(r ->
                        assertThat(Headers.isValidTraceId(header(r, Headers.TRACE_ID))).as("trace id replaced").isTrue());
                assertThat(delivered(body, good)).as("delivered to " + body + "'s file once each").hasSize(good.size())
                        .doesNotHaveDuplicates();
            }
            // Every hostile inbound record: exactly one dead letter with its code, reason and bytes; no decision.
            List<ConsumerRecord<String, byte[]>> dead = read(admin, Topics.DEAD_LETTERS, hostileByKey.keySet());
            assertThat(dead).extracting(ConsumerRecord::key).hasSize(hostileByKey.size()).doesNotHaveDuplicates();
            for (ConsumerRecord<String, byte[]> d : dead) {
                assertThat(header(d, Headers.DLQ_REASON_CODE)).as(d.key()).isNotBlank();
                assertThat(header(d, Headers.DLQ_REASON)).as(d.key()).isNotBlank();
                assertThat(header(d, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(INBOUND);
                assertThat(d.value()).as("bytes of " + d.key()).isEqualTo(hostileByKey.get(d.key()));
            }
            assertThat(read(admin, Topics.AUDIT, hostileByKey.keySet())).isEmpty();
            // Each dead letter has its header-only summary, which is all the monitor may read: no key, no value, no
            // header of the agency's.
            List<ConsumerRecord<String, byte[]>> summaries = readAll(admin, Topics.DEAD_LETTER_SUMMARY).stream()
                    .filter(r -> INBOUND.equals(header(r, Headers.DLQ_SOURCE_TOPIC))).toList();
            assertThat(summaries).hasSize(dead.size()).allSatisfy(r -> {
                assertThat(r.key()).isNull();
                assertThat(r.value()).isNull();
                assertThat(r.headers().toArray()).extracting(h -> h.key()).allMatch(k -> k.startsWith("corridor-dlq-"));
            });
            assertThat(summaries).extracting(HostileRecordsIT::source).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(dead.stream().map(HostileRecordsIT::source).toList());
            // The correlator's: one dead letter per hostile record of alerts.routed, its bytes and why, and its summary.
            org.awaitility.Awaitility.await("every hostile routed record dead-lettered by the correlator").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> read(admin, Topics.DEAD_LETTERS, hostileRouted.keySet()).size() >= hostileRouted.size());
            List<ConsumerRecord<String, byte[]>> deadRouted = read(admin, Topics.DEAD_LETTERS, hostileRouted.keySet());
            assertThat(deadRouted).extracting(ConsumerRecord::key).hasSize(hostileRouted.size()).doesNotHaveDuplicates();
            for (ConsumerRecord<String, byte[]> d : deadRouted) {
                assertThat(header(d, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(Topics.ROUTED_VERSIONS);
                assertThat(header(d, Headers.DLQ_REASON_CODE)).as(d.key()).isIn("UNDECODABLE", "INCONSISTENT");
                assertThat(header(d, Headers.DLQ_REASON)).as(d.key()).isNotBlank();
                assertThat(d.value()).as("bytes of " + d.key()).isEqualTo(hostileRouted.get(d.key()));
            }
            assertThat(readAll(admin, Topics.DEAD_LETTER_SUMMARY)).filteredOn(r -> Topics.ROUTED_VERSIONS.equals(header(r, Headers.DLQ_SOURCE_TOPIC)))
                    .hasSize(hostileRouted.size());
            Map<String, Long> codes = dead.stream().collect(Collectors.groupingBy(d -> header(d, Headers.DLQ_REASON_CODE), Collectors.counting()));
            System.out.println("hostile inbound records by dead-letter code: " + codes);
            assertThat(codes).containsKeys("WRONG_TYPE", "UNDECODABLE");

            // Nothing made Kafka refuse a transaction, so no batch was retried, split or given back.
            String routerMetrics = get(platform, platform.endpoint(Service.ROUTER) + "/actuator/prometheus");
            assertThat(routerMetrics).doesNotContain("corridor_router_batch_given_back_total{")
                    .doesNotContain("corridor_router_batch_retries_total{");
            // Every service stays UP, and the registry still answers with what it had.
            for (Service service : Service.values()) {
                URI endpoint = platform.endpoints().get(service);
                if (endpoint != null) {
                    assertThat(get(platform, endpoint + "/actuator/health")).as(service + " health").contains("\"status\":\"UP\"");
                }
            }
            // ... and each view counted what it skipped: the receipts' views their hostile receipts, the registry's
            // reader its hostile _schemas records.
            Map<Service, String> views = Map.of(Service.SUBSCRIBERS, "ack-deadline-follower", Service.INGEST, "alert-status-view",
                    Service.MONITOR, "corridor-monitor-receipts", Service.REGISTRY, "schema-log-reader");
            for (Map.Entry<Service, String> view : views.entrySet()) {
                String metrics = get(platform, platform.endpoints().get(view.getKey()) + "/actuator/prometheus");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("corridor_follower_skipped_records_total\\{name=\"" + view.getValue()
                        + "\"[^}]*} ([0-9.]+)").matcher(metrics);
                assertThat(m.find()).as(view.getValue() + " counts what it skipped").isTrue();
                double skipped = Double.parseDouble(m.group(1));
                System.out.printf("%s skipped %.0f hostile records%n", view.getValue(), skipped);
                assertThat(skipped).as(view.getValue() + " skipped").isGreaterThanOrEqualTo(view.getKey() == Service.REGISTRY ? 3 : hostileReceipts.size() / 2);
            }
            assertThat(registry.schemaById(id(validAlert)).getFullName()).isEqualTo(TraffickingAlert.getClassSchema().getFullName());
        }
    }

    private static TraffickingAlert alert(AlertTemplates.Template template) {
        return TraffickingAlert.newBuilder(template.alert().build()).setAlertId(UUID.randomUUID()).build();
    }

    private static int id(byte[] wire) {
        return java.nio.ByteBuffer.wrap(wire, 1, 4).getInt();
    }

    /** The registry's ids, 1 upwards, until the first it does not know. */
    private static List<Integer> schemaIds(SchemaRegistryClient registry) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id < 1_000; id++) {
            try {
                registry.schemaById(id);
                ids.add(id);
            } catch (RuntimeException e) {
                break;
            }
        }
        return ids;
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedPlatform platform, CredentialStore store, String principal)
            throws java.io.IOException {
        Map<String, Object> p = new HashMap<>(ScramClient.settings(principal, store.password(principal)));
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** The committed records of a topic whose key is one of these. */
    private static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> admin, String topic, Set<String> keys) {
        return readAll(admin, topic).stream().filter(r -> r.key() != null && keys.contains(r.key())).toList();
    }

    /** Every committed record of a topic. */
    private static List<ConsumerRecord<String, byte[]>> readAll(Map<String, Object> admin, String topic) {
        Map<String, Object> p = new HashMap<>(admin);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** The ids among these that appear in the body's feed files, once per line they appear in. */
    private List<String> delivered(String body, List<String> ids) {
        Path dir = data.resolve("feeds").resolve(Topics.feed(body).substring(Topics.FEED_PREFIX.length()));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    ids.stream().filter(line::contains).forEach(found::add);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private String get(EmbeddedPlatform platform, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                org.corridor.platform.HttpAuth.basic(platform, "metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Where a dead letter came from: partition and offset. */
    private static String source(ConsumerRecord<String, byte[]> r) {
        return header(r, Headers.DLQ_SOURCE_PARTITION) + "@" + header(r, Headers.DLQ_SOURCE_OFFSET);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
