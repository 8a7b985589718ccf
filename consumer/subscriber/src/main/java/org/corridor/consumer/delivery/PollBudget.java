package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * How many feed records one poll of a webhook body may take so that delivering them all ends well within
 * {@code max.poll.interval.ms}. A poll that outlasts it costs the consumer its partitions: its offsets are not
 * committed and the same poll is delivered again, for ever. The worst case of one delivery is every attempt running
 * into both the connect and the response timeout, plus every backoff wait at its longest (capped at
 * {@code webhook-max-backoff}, then half again for the jitter); {@value #SHARE_PERCENT}% of the interval is for the
 * deliveries, the rest for parks, receipts and the commit. Pure functions.
 */
final class PollBudget {

    static final int SHARE_PERCENT = 80;

    private PollBudget() {
    }

    /** The longest one delivery through {@link ResilientDelivery} can take. */
    static Duration worstDelivery(int attempts, Duration timeout, Duration backoff, Duration maxBackoff) {
        double perAttempt = 2.0 * timeout.toMillis();
        double initial = Math.max(1, backoff.toMillis());
        double cap = Math.max(initial, maxBackoff.toMillis());
        double waits = 0;
        double interval = initial;
        for (int wait = 1; wait < attempts; wait++) {
            waits += Math.min(interval, cap) * (1 + ResilientDelivery.BACKOFF_JITTER);
            interval = Math.min(cap, interval * ResilientDelivery.BACKOFF_MULTIPLIER);
        }
        return Duration.ofMillis((long) Math.ceil(Math.min(Long.MAX_VALUE / 2.0, attempts * perAttempt + waits)));
    }

    /**
     * The {@code max.poll.records} of a webhook body: the configured one, lowered to what fits the interval.
     *
     * @throws IllegalArgumentException when not even one delivery fits, naming the settings to change
     */
    static int maxPollRecords(String body, int configured, Duration maxPollInterval, Duration worstDelivery,
                              SubscriberProperties settings, SubscriberProperties.Webhook hook) {
        long budget = maxPollInterval.toMillis() * SHARE_PERCENT / 100;
        long fit = budget / Math.max(1, worstDelivery.toMillis());
        if (fit < 1) {
            throw new IllegalArgumentException("corridor.subscriber.webhooks[" + body + "]: one delivery can take up to "
                    + worstDelivery.toMillis() + " ms (webhook-max-attempts " + settings.webhookMaxAttempts()
                    + " × connect and response timeout " + hook.timeout().toMillis() + " ms each, plus backoff from webhook-backoff "
                    + settings.webhookBackoff().toMillis() + " ms up to webhook-max-backoff " + settings.webhookMaxBackoff().toMillis()
                    + " ms with jitter), more than " + SHARE_PERCENT + "% of max.poll.interval.ms " + maxPollInterval.toMillis()
                    + " (" + budget + " ms): a poll would outlast it and be delivered again for ever. Lower "
                    + "corridor.subscriber.webhook-max-attempts, webhook-backoff, webhook-max-backoff or the webhook's timeout, or "
                    + "raise spring.kafka.consumer.properties.max.poll.interval.ms");
        }
        return (int) Math.min(configured, fit);
    }

    /** {@link #maxPollRecords} from the subscribers' settings and the body's consumer settings (Kafka's defaults). */
    static int maxPollRecords(String body, SubscriberProperties settings, SubscriberProperties.Webhook hook,
                              Map<String, Object> consumerProps) {
        int configured = (Integer) setting(consumerProps, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ConfigDef.Type.INT);
        int interval = (Integer) setting(consumerProps, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, ConfigDef.Type.INT);
        Duration worst = worstDelivery(settings.webhookMaxAttempts(), hook.timeout(), settings.webhookBackoff(),
                settings.webhookMaxBackoff());
        return maxPollRecords(body, configured, Duration.ofMillis(interval), worst, settings, hook);
    }

    private static Object setting(Map<String, Object> props, String name, ConfigDef.Type type) {
        Object value = props.get(name);
        return value == null ? ConsumerConfig.configDef().defaultValues().get(name) : ConfigDef.parseType(name, value, type);
    }
}
