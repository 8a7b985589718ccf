package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.producer.ingest.IngestApplication;
import org.corridor.producer.rest.AgencyTokens;
import org.corridor.registry.RegistryApplication;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The schema registry down for 30 seconds (#12): an ingest instance that never needed it keeps answering 503 with
 * Retry-After, one that has the schema cached keeps publishing and the router keeps routing with its cached schemas;
 * when the registry is back on the same address, the cold instance publishes again without a restart.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryOutageIT {

    private static final String AGENCY = "outage-it";
    private static final String TOKEN = AgencyTokens.newToken();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void ingestAnswers503AndRoutingGoesOnUntilTheRegistryIsBack(TestKafka kafka) throws Exception {
        int registryPort = EmbeddedKafkaBroker.freePort();
        String registryUrl = "http://localhost:" + registryPort;
        ConfigurableApplicationContext registry = registry(kafka, registryPort);
        try (ConfigurableApplicationContext router = router(kafka, registryUrl);
             ConfigurableApplicationContext warm = ingest(kafka, registryUrl)) {
            Set<String> routed = new HashSet<>();
            routed.add(post(warm, 202));
            awaitDecisions(kafka, routed);

            registry.close();
            long down = System.nanoTime();
            try (ConfigurableApplicationContext cold = ingest(kafka, registryUrl)) {
                HttpResponse<String> refused = send(cold);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.body()).contains("try again later").contains("SchemaRegistryUnavailableException");
                // The warm instance and the router work from their caches while the registry is down.
                routed.add(post(warm, 202));
                awaitDecisions(kafka, routed);
                // 30 seconds of outage, during which the cold instance keeps refusing cleanly.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5))
                        .until(() -> send(cold).statusCode() == 503 && System.nanoTime() - down >= 30_000_000_000L);

                registry = registry(kafka, registryPort);
                String[] id = new String[1];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    HttpResponse<String> r = send(cold);
                    if (r.statusCode() == 202) {
                        id[0] = JsonMapper.shared().readTree(r.body()).get("alertId").asString();
                    }
                    return r.statusCode() == 202;
                });
                routed.add(id[0]);
                awaitDecisions(kafka, routed);
            }
        } finally {
            registry.close();
        }
    }

    private void awaitDecisions(TestKafka kafka, Set<String> ids) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                kafka.readAll(Topics.AUDIT).stream().map(r -> r.key()).filter(ids::contains).distinct().count() == ids.size());
    }

    private String post(ConfigurableApplicationContext ingest, int expected) throws Exception {
        HttpResponse<String> r = send(ingest);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return JsonMapper.shared().readTree(r.body()).get("alertId").asString();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext ingest) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ingest.getEnvironment().getProperty("local.server.port")
                        + "/api/v1/alerts")).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DemoScenario.steps().get(0).body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext registry(TestKafka kafka, int port) {
        Map<String, Object> p = new HashMap<>(RegistryApplication.DEFAULTS);
        p.put("server.port", Integer.toString(port));
        p.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("corridor.registry.topic", "_schemas-outage-it");
        p.put("corridor.registry.writer-id", "writer-outage-it");
        return new SpringApplicationBuilder(RegistryApplication.class).properties(p).run();
    }

    private static ConfigurableApplicationContext ingest(TestKafka kafka, String registryUrl) {
        Map<String, Object> p = new HashMap<>(IngestApplication.DEFAULTS);
        p.put("server.port", "0");
        p.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("corridor.ingest.schema-registry-url", registryUrl);
        p.put("corridor.ingest.publish-timeout", "10s");
        p.put("corridor.ingest.agencies[0].id", AGENCY);
        p.put("corridor.ingest.agencies[0].country", "TJ");
        p.put("corridor.ingest.agencies[0].name", "Outage IT");
        p.put("corridor.ingest.agencies[0].token-sha256", AgencyTokens.hash(TOKEN));
        return new SpringApplicationBuilder(IngestApplication.class).properties(p).run();
    }

    private static ConfigurableApplicationContext router(TestKafka kafka, String registryUrl) {
        Map<String, Object> p = new HashMap<>(RouterApplication.DEFAULTS);
        p.put("server.port", "0");
        p.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("corridor.router.schema-registry-url", registryUrl);
        p.put("corridor.router.instance-id", "outage-it");
        p.put("spring.kafka.consumer.group-id", "corridor-router-outage-it");
        return new SpringApplicationBuilder(RouterApplication.class).properties(p).run();
    }
}
