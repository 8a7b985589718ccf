package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A request waiting for the broker holds no servlet thread: with two Tomcat threads, more requests than that wait for
 * held-back acknowledgements while the service still answers others; released, they are all 202. Held past the
 * publish timeout, the answer is 503 with Retry-After, and the late acknowledgement is not counted as accepted.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AsyncIngestIT {

    private static final TestAgency AGENCY = TestAgency.create("md-police", "MD");
    private static final int THREADS = 2;

    @Test
    void requestsWaitingForAcknowledgementsLeaveTheServletThreadsFree(TestKafka kafka) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-async-ingest");
             ConfigurableApplicationContext ingest = TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry),
                     List.of(AGENCY), Map.of("server.tomcat.threads.max", THREADS, "server.tomcat.threads.min-spare", 1,
                             "corridor.ingest.publish-timeout", "5s", "corridor.ingest.retry-after", "2s",
                             "spring.kafka.producer.properties.interceptor.classes", HeldAcknowledgements.class.getName()))) {
            ApiClient api = new ApiClient(TestServices.url(ingest));
            ApiClient.Response first = api.post(AGENCY.token(), alert("first"));
            assertThat(first.status()).as(first.body()).isEqualTo(202);
            String firstId = first.json().get("alertId").asText();

            HeldAcknowledgements.hold();
            List<CompletableFuture<ApiClient.Response>> waiting = new ArrayList<>();
            for (int i = 0; i < 3 * THREADS; i++) {
                String body = alert("waiting " + i);
                waiting.add(CompletableFuture.supplyAsync(() -> api.post(AGENCY.token(), body), clients));
            }
            // A correction waits for the log and for its acknowledgement under the alert's lock: off the servlet threads too.
            waiting.add(CompletableFuture.supplyAsync(() -> api.send("PUT", "/api/v1/alerts/" + firstId, AGENCY.token(),
                    "application/json", alert("corrected"), Map.of()), clients));
            await().atMost(Duration.ofSeconds(3)).until(() -> HeldAcknowledgements.held() >= 1);
            // Every one of them has reached the producer and waits for the broker: more than there are threads.
            await().atMost(Duration.ofSeconds(30)).until(() -> HeldAcknowledgements.sent() >= 3 * THREADS + 1);

            // More requests wait than there are threads, yet another request is answered at once.
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
            ApiClient.Response refused = api.post(AGENCY.token(), "[]");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(waiting).as("no answer before the broker acknowledged").noneMatch(CompletableFuture::isDone);

            HeldAcknowledgements.release();
            for (CompletableFuture<ApiClient.Response> answer : waiting) {
                ApiClient.Response r = answer.get();
                assertThat(r.status()).as(r.body()).isEqualTo(202);
            }
            assertThat(waiting.get(waiting.size() - 1).get().json().get("version").asInt()).isEqualTo(2);
        } finally {
            HeldAcknowledgements.release();
            clients.shutdownNow();
        }
    }

    @Test
    void anAcknowledgementLaterThanThePublishTimeoutIsA503WithRetryAfter(TestKafka kafka) {
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-async-timeout");
             ConfigurableApplicationContext ingest = TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry),
                     List.of(AGENCY), Map.of("corridor.ingest.publish-timeout", "3s", "corridor.ingest.retry-after", "2s",
                             "spring.kafka.producer.properties.interceptor.classes", HeldAcknowledgements.class.getName()))) {
            ApiClient api = new ApiClient(TestServices.url(ingest));
            assertThat(api.post(AGENCY.token(), alert("first")).status()).isEqualTo(202);
            double acceptedBefore = accepted(ingest);

            HeldAcknowledgements.hold();
            long started = System.nanoTime();
            ApiClient.Response late = api.post(AGENCY.token(), alert("late"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            HeldAcknowledgements.release();

            assertThat(late.status()).as(late.body()).isEqualTo(503);
            assertThat(late.header("Retry-After")).isEqualTo("2");
            assertThat(late.header("Content-Type")).startsWith("application/problem+json");
            assertThat(late.json().get("detail").asText()).contains("did not acknowledge the alert within PT3S");
            assertThat(took).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(10));
            // The acknowledgement that came after the answer changes nothing: one outcome per alert in the metrics.
            assertThat(api.post(AGENCY.token(), alert("after")).status()).isEqualTo(202);
            assertThat(accepted(ingest)).isEqualTo(acceptedBefore + 1);
            assertThat(ingest.getBean(MeterRegistry.class).get(IngestMetrics.ALERTS).tag("reason", "unavailable")
                    .counter().count()).isEqualTo(1.0);
        } finally {
            HeldAcknowledgements.release();
        }
    }

    private static double accepted(ConfigurableApplicationContext ingest) {
        return ingest.getBean(MeterRegistry.class).get(IngestMetrics.ALERTS).tag("outcome", "accepted").counter().count();
    }

    private static String alert(String summary) {
        return SampleJson.seizure().replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"MD\"")
                .replace("Heroin in a cotton truck at Dostyk", summary);
    }
}
