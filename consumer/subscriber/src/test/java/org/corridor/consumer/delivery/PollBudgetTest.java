package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A webhook body's poll never outlasts {@code max.poll.interval.ms} (which would deliver the same poll again for
 * ever, #18): its {@code max.poll.records} is lowered to what fits, and a webhook whose one delivery cannot fit stops
 * the start, naming the settings.
 */
class PollBudgetTest {

    private static SubscriberProperties settings(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("corridor.subscriber.webhooks[UNODC].url", "https://unodc.example/alerts");
        map.put("corridor.subscriber.webhooks[UNODC].secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put("corridor.subscriber." + keyValues[i], keyValues[i + 1]);
        }
        return TestProperties.bind(map);
    }

    private static int records(SubscriberProperties s, Map<String, Object> consumer) {
        return PollBudget.maxPollRecords("UNODC", s, s.webhooks().get("UNODC"), consumer);
    }

    @Test
    void theWorstDeliveryIsEveryAttemptTimingOutTwiceAndEveryWaitAtItsLongest() {
        // 5 × (10 s connect + 10 s response) + (0.5 + 1 + 2 + 4 s) × 1.5 jitter
        assertThat(PollBudget.worstDelivery(5, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofMillis(111_250));
        // waits capped at webhook-max-backoff: 1 + 2 + 2 × 7 s, × 1.5
        assertThat(PollBudget.worstDelivery(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isEqualTo(Duration.ofMillis(10 * 200 + 25_500));
        assertThat(PollBudget.worstDelivery(1, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .as("one attempt, no wait").isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void withTheDefaultsAPollTakesOnlyWhatFitsInTheInterval() {
        // 80% of Kafka's 300 s default over 111.25 s a delivery: 2 records, not Kafka's 500 (55 600 s at worst).
        assertThat(records(settings(), Map.of())).isEqualTo(2);
        assertThat(records(settings(), Map.of("max.poll.interval.ms", "1200000"))).isEqualTo(8);
    }

    @Test
    void aFastWebhookKeepsTheConfiguredMaxPollRecords() {
        SubscriberProperties fast = settings("webhooks[UNODC].timeout", "100ms", "webhook-max-attempts", "3",
                "webhook-backoff", "10ms");
        assertThat(records(fast, Map.of("max.poll.records", 100))).isEqualTo(100);
        assertThat(records(fast, Map.of())).as("645 ms at worst: 372 fit in 240 s, fewer than Kafka's 500").isEqualTo(372);
    }

    @Test
    void aWebhookWhoseOneDeliveryOutlastsTheIntervalStopsTheStartNamingTheSettings() {
        SubscriberProperties slow = settings("webhooks[UNODC].timeout", "10m");
        assertThatThrownBy(() -> records(slow, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corridor.subscriber.webhooks[UNODC]: one delivery can take up to 6011250 ms")
                .hasMessageContaining("webhook-max-attempts 5").hasMessageContaining("timeout 600000 ms")
                .hasMessageContaining("max.poll.interval.ms 300000");
    }

    @Test
    void theBodyConsumerOfAWebhookBodyIsGivenTheBudgetedMaxPollRecords() {
        SubscriberProperties s = settings("bodies", "UNODC,INCB");
        BodyClients clients = new BodyClients(Map.of("max.poll.interval.ms", 600_000), Map.of());
        assertThat(FeedListenerConfiguration.consumerOverrides("UNODC", clients, s).getProperty("max.poll.records")).isEqualTo("4");
        assertThat(FeedListenerConfiguration.consumerOverrides("INCB", clients, s)).as("a file body keeps Kafka's").isEmpty();
    }
}
