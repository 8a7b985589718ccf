package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.broker.EmbeddedKafkaCluster;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.producer.ingest.IngestApplication;
import org.corridor.producer.rest.AgencyTokens;
import org.corridor.registry.RegistryApplication;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A broker dies during a 20,000-alert stream (#12): three in-JVM KRaft nodes (RF 3, min.insync.replicas 2), the
 * registry, the REST ingest, the router and the subscribers; node 2 stops after 5,000 alerts and comes back after
 * 15,000. Every alert the ingest acknowledged (202) is routed once and is on every feed its decision names exactly
 * once.
 */
class BrokerLossIT {

    private static final int ALERTS = 20_000;
    private static final String AGENCY = "loss-it";
    private static final String TOKEN = AgencyTokens.newToken();

    @TempDir
    Path dataDir;

    @TempDir
    Path feeds;

    @Test
    void everyAcknowledgedAlertIsOnEveryExpectedFeedExactlyOnce() throws Exception {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.create(dataDir, 3, Map.of()).start(Duration.ofSeconds(90))) {
            TestKafka kafka = TestKafka.at(cluster.bootstrapServers(), "three-node in-JVM KRaft cluster");
            try {
                String bootstrap = cluster.bootstrapServers();
                ConfigurableApplicationContext registry = start(RegistryApplication.class, RegistryApplication.DEFAULTS, bootstrap,
                        Map.of("corridor.registry.replication-factor", "3"));
                contexts.add(registry);
                String registryUrl = "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
                ConfigurableApplicationContext ingest = start(IngestApplication.class, IngestApplication.DEFAULTS, bootstrap, Map.of(
                        "corridor.ingest.schema-registry-url", registryUrl, "corridor.ingest.replication-factor", "3",
                        "corridor.ingest.rate-limit", "0",
                        "corridor.ingest.agencies[0].id", AGENCY, "corridor.ingest.agencies[0].country", "TJ",
                        "corridor.ingest.agencies[0].name", "Broker loss IT",
                        "corridor.ingest.agencies[0].token-sha256", AgencyTokens.hash(TOKEN)));
                contexts.add(ingest);
                contexts.add(start(RouterApplication.class, RouterApplication.DEFAULTS, bootstrap, Map.of(
                        "corridor.router.schema-registry-url", registryUrl, "corridor.router.instance-id", "loss-it",
                        "corridor.router.replication-factor", "3")));
                contexts.add(start(SubscriberApplication.class, SubscriberApplication.DEFAULTS, bootstrap, Map.of(
                        "corridor.subscriber.schema-registry-url", registryUrl, "corridor.subscriber.file-dir", feeds.toString(),
                        "corridor.subscriber.replication-factor", "3")));

                Set<String> acknowledged = publish("http://localhost:" + ingest.getEnvironment().getProperty("local.server.port"), cluster);
                assertThat(acknowledged.size()).as("most alerts were acknowledged").isGreaterThan(ALERTS * 9 / 10);

                AvroDeserializer<RoutingDecision> decisions = new AvroDeserializer<>();
                decisions.configure(Map.of(RegistryClientConfig.URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
                Map<String, Set<String>> expected = new HashMap<>();
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    expected.clear();
                    Set<String> decided = new HashSet<>();
                    for (ConsumerRecord<String, byte[]> r : kafka.readAll(Topics.AUDIT)) {
                        if (acknowledged.contains(r.key())) {
                            assertThat(decided.add(r.key())).as("one decision per alert: " + r.key()).isTrue();
                            decisions.deserialize(r.topic(), r.value()).getRecipients()
                                    .forEach(b -> expected.computeIfAbsent(b, x -> new HashSet<>()).add(r.key()));
                        }
                    }
                    return decided.containsAll(acknowledged);
                });
                for (String body : ReferenceData.defaults().bodyIds()) {
                    List<String> keys = kafka.readAll(Topics.feed(body)).stream().map(ConsumerRecord::key)
                            .filter(acknowledged::contains).toList();
                    assertThat(keys).as(body + ": no duplicate").doesNotHaveDuplicates();
                    assertThat(new HashSet<>(keys)).as(body + ": exactly its alerts").isEqualTo(expected.getOrDefault(body, Set.of()));
                }
            } finally {
                Collections.reverse(contexts);
                contexts.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    /** POSTs the alerts with 32 in flight; stops node 2 after 5,000 and starts it after 15,000. The 202'd ids. */
    private static Set<String> publish(String restUrl, EmbeddedKafkaCluster cluster) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Semaphore inFlight = new Semaphore(32);
        String body = DemoScenario.steps().get(0).body();
        ObjectMapper json = JsonMapper.builder().build();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            if (i == 5_000) {
                inFlight.acquire(32);
                cluster.stopNode(2);
                inFlight.release(32);
            } else if (i == 15_000) {
                inFlight.acquire(32);
                cluster.startNode(2, Duration.ofSeconds(90));
                inFlight.release(32);
            }
            inFlight.acquire();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(restUrl + "/api/v1/alerts"))
                            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (e == null && r.statusCode() == 202) {
                            ids.add(json.readTree(r.body()).get("alertId").asString());
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return ids;
    }

    private static ConfigurableApplicationContext start(Class<?> app, Map<String, Object> defaults, String bootstrap,
                                                        Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(defaults);
        p.put("server.port", "0");
        p.put("spring.kafka.bootstrap-servers", bootstrap);
        p.put("spring.main.banner-mode", "off");
        p.putAll(extra);
        return new SpringApplicationBuilder(app).properties(p).run();
    }

}
