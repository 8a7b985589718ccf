package org.corridor.schemas.topics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Corridor's topics. Keys are always the alert id (string); values are Avro in the Confluent wire format:
 * {@code TraffickingAlert} on inbound and feed topics, {@code RoutingDecision} on the audit topic,
 * {@code DeliveryReceipt} on the receipts topic; dead letters keep the original bytes.
 */
public final class Topics {

    /** Prefix of each agency's inbound topic. */
    public static final String INBOUND_PREFIX = "alerts.in.";
    /** Pattern of every inbound topic, for a pattern subscription that picks up new agencies. */
    public static final Pattern INBOUND_PATTERN = Pattern.compile("alerts\\.in\\.[a-z0-9][a-z0-9-]*");
    /** Prefix of each body's feed topic. */
    public static final String FEED_PREFIX = "alerts.feed.";
    /** One RoutingDecision per routed alert version. */
    public static final String AUDIT = "alerts.audit";
    /** Delivery receipts and acknowledgements. */
    public static final String RECEIPTS = "alerts.receipts";
    /** Records that could not be routed: original bytes plus reason headers. */
    public static final String DEAD_LETTERS = "alerts.dlq";

    /**
     * Largest record an inbound topic takes: Kafka's default ({@code message.max.bytes}, the producers'
     * {@code max.request.size}), which the publisher library keeps.
     */
    public static final int INBOUND_MAX_BYTES = 1_048_576;

    /**
     * Largest record of a feed, parked or dead-letter topic, and the {@code max.request.size} of the services that
     * write them: an inbound record of the largest size plus the headers Corridor adds (trace, rules, dead-letter
     * reason, parking error) must always fit, or routing would stop at it.
     */
    public static final int DOWNSTREAM_MAX_BYTES = 2 * INBOUND_MAX_BYTES;

    private Topics() {
    }

    /** {@code alerts.in.<agency-id>}. */
    public static String inbound(String agencyId) {
        return INBOUND_PREFIX + agencyId;
    }

    /** The agency id of an inbound topic, or null when the name is not one. */
    public static String agencyOf(String inboundTopic) {
        return inboundTopic != null && INBOUND_PATTERN.matcher(inboundTopic).matches()
                ? inboundTopic.substring(INBOUND_PREFIX.length()) : null;
    }

    /** {@code alerts.feed.<body>} with the body id in lower case and hyphens: {@code PARIS_PACT} → {@code alerts.feed.paris-pact}. */
    public static String feed(String bodyId) {
        return FEED_PREFIX + bodyId.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where a body's undeliverable feed records are parked. */
    public static String parked(String bodyId) {
        return feed(bodyId) + ".parked";
    }

    /** Topic configs Corridor sets when it creates a topic, beyond partitions and replication. */
    public static java.util.Map<String, String> configs(String topic) {
        if (topic.startsWith(FEED_PREFIX) || topic.equals(DEAD_LETTERS)) {
            return java.util.Map.of("max.message.bytes", Integer.toString(DOWNSTREAM_MAX_BYTES));
        }
        return java.util.Map.of();
    }
}
