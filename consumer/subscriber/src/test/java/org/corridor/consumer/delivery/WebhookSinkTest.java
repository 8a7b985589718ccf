package org.corridor.consumer.delivery;

import org.corridor.support.webhook.RejectedDeliveryException;
import org.corridor.support.webhook.WebhookSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.consumer.Alerts;
import org.corridor.support.webhook.WebhookSignature.Verdict;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a body's receiver sees of a delivery: Standard Webhooks headers it can verify, the same id on every attempt,
 * no header it did not expect from a value an agency chose, and a receiver that refuses a replayed request.
 */
class WebhookSinkTest {

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("a key of 32 bytes for the tests!".getBytes());

    private final Instant now = Instant.parse("2026-11-02T10:00:00Z");
    private SignedReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new SignedReceiver(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookSink sink(Instant at) {
        return new WebhookSink(receiver.url(), WebhookSignature.ofSecret(SECRET), Duration.ofSeconds(2), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Delivery delivery(TraffickingAlert alert, String body, String traceId) {
        return new Delivery(body, alert, Delivery.idempotencyKey(alert), traceId,
                new ConsumerRecord<>(Topics.feed(body), 0, 1, alert.getAlertId().toString(), new byte[0]));
    }

    @Test
    void theReceiverVerifiesEachDeliveryAndItsIdIsTheSameOnEveryAttempt() throws IOException {
        TraffickingAlert alert = Alerts.neutral().build();
        receiver.answering(n -> n == 1 ? 503 : 200);
        assertThatThrownBy(() -> sink(now).post(delivery(alert, "UNODC", "trace-1"))).isInstanceOf(IOException.class)
                .hasMessageContaining("503");
        sink(now.plusSeconds(30)).post(delivery(alert, "UNODC", "trace-1"));

        assertThat(receiver.refused).isEmpty();
        assertThat(receiver.attempts).hasSize(2);
        assertThat(receiver.attempts.get(0).id()).isEqualTo(receiver.attempts.get(1).id()).startsWith("msg_").doesNotContain(".");
        assertThat(receiver.attempts).extracting(SignedReceiver.Received::timestamp)
                .as("each attempt carries its own time").containsExactly(now.getEpochSecond(), now.getEpochSecond() + 30);
        SignedReceiver.Received got = receiver.accepted.get(0);
        assertThat(got.body()).contains(alert.getAlertId().toString());
        assertThat(got.header("Idempotency-Key")).isEqualTo("br-federal-police:" + alert.getAlertId() + ":1");
        assertThat(got.header("X-Trace-Id")).isEqualTo("trace-1");
        assertThat(got.header(WebhookSink.SIGNATURE)).as("the former header, still sent during the migration")
                .isEqualTo(WebhookSink.sign(got.body().getBytes(), "a key of 32 bytes for the tests!".getBytes()));
    }

    @Test
    void idsDifferByVersionBodyAndOriginAgency() {
        TraffickingAlert v1 = Alerts.neutral().build();
        TraffickingAlert v2 = TraffickingAlert.newBuilder(v1).setVersion(2).build();
        TraffickingAlert otherAgency = TraffickingAlert.newBuilder(v1)
                .setOriginAgency(new org.corridor.schemas.avro.Agency("kz-customs", "KZ", "Customs")).build();
        String id = WebhookSink.messageId(delivery(v1, "UNODC", null));
        assertThat(WebhookSink.messageId(delivery(v1, "UNODC", "another-trace"))).isEqualTo(id);
        assertThat(WebhookSink.messageId(delivery(v2, "UNODC", null))).isNotEqualTo(id);
        assertThat(WebhookSink.messageId(delivery(v1, "EUROPOL", null))).isNotEqualTo(id);
        assertThat(WebhookSink.messageId(delivery(otherAgency, "UNODC", null))).isNotEqualTo(id);
    }

    @Test
    void aReplayedRequestIsNotProcessedAgainAndAnOldOneIsRefused() throws Exception {
        sink(now).post(delivery(Alerts.neutral().build(), "UNODC", null));
        SignedReceiver.Received original = receiver.accepted.get(0);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder replay = HttpRequest.newBuilder(receiver.url())
                .header(WebhookSignature.ID, original.id())
                .header(WebhookSignature.TIMESTAMP, Long.toString(original.timestamp()))
                .header(WebhookSignature.SIGNATURE, original.header(WebhookSignature.SIGNATURE))
                .POST(HttpRequest.BodyPublishers.ofString(original.body()));
        http.send(replay.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(receiver.replays).containsExactly(original.id());
        assertThat(receiver.accepted).hasSize(1);

        // The same request captured and sent again later: its signed timestamp gives it away.
        try (SignedReceiver later = new SignedReceiver(SECRET, Clock.fixed(now.plus(Duration.ofMinutes(6)), ZoneOffset.UTC))) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(later.url())
                    .header(WebhookSignature.ID, original.id())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(original.timestamp()))
                    .header(WebhookSignature.SIGNATURE, original.header(WebhookSignature.SIGNATURE))
                    .POST(HttpRequest.BodyPublishers.ofString(original.body())).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(later.refused).containsExactly(Verdict.OUTSIDE_TOLERANCE);
            assertThat(later.accepted).isEmpty();
        }
    }

    @Test
    void aTraceIdWithLineBreaksOrOfAMegabyteIsLeftOutNotCopiedIntoTheRequest() throws IOException {
        sink(now).post(delivery(Alerts.neutral().build(), "UNODC", "t\r\nX-Injected: yes"));
        sink(now).post(delivery(Alerts.neutral().build(), "UNODC", "t".repeat(1 << 20)));
        assertThat(receiver.accepted).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("X-Trace-Id")).isNull();
            assertThat(r.header("X-Injected")).isNull();
        });
    }

    @Test
    void aRefusalThrowsTheNonRetriableTypeWithTheReceiversReason() {
        receiver.answering(n -> 422);
        assertThatThrownBy(() -> sink(now).post(delivery(Alerts.neutral().build(), "UNODC", null)))
                .isInstanceOf(RejectedDeliveryException.class).hasMessageContaining("422").hasMessageContaining("status 422");
    }
}
