package org.corridor.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.InboxReceipt;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * Corridor's topics, in one place: their names (or name functions), and through {@link #spec(String)} the value type,
 * topic configs and reading groups of each. Keys are always the alert id (string); values are Avro in the Confluent
 * wire format: {@code TraffickingAlert} on inbound, feed and parked topics, {@code RoutingDecision} on the audit
 * topic, {@code DeliveryReceipt} on the receipts topic; dead letters keep the original bytes.
 */
public final class Topics {

    /** Prefix of each agency's inbound topic. */
    public static final String INBOUND_PREFIX = "alerts.in.";
    /** Regular expression of every inbound topic, for a pattern subscription that picks up new agencies. */
    public static final String INBOUND_REGEX = "alerts\\.in\\.[a-z0-9][a-z0-9-]*";
    /** {@link #INBOUND_REGEX}, compiled. */
    public static final Pattern INBOUND_PATTERN = Pattern.compile(INBOUND_REGEX);
    /** Prefix of each body's feed topic. */
    public static final String FEED_PREFIX = "alerts.feed.";
    /** One RoutingDecision per routed alert version. */
    public static final String AUDIT = "alerts.audit";

    /**
     * Each routed alert version with its decision ({@code RoutedVersion}), by the router in the transaction that routes
     * it; the correlator's only input. Keyed by {@code <agency>/<alert id>}.
     */
    public static final String ROUTED_VERSIONS = "alerts.routed";
    /** Delivery receipts and acknowledgements. */
    public static final String RECEIPTS = "alerts.receipts";
    /**
     * Receipts of inbox deliveries ({@code InboxReceipt}): what became of each routed response delivered from a
     * party's inbox into its own file or webhook. Ids and outcomes only.
     */
    public static final String INBOX_RECEIPTS = "alerts.inbox-receipts";
    /** Links between alerts of different agencies and their withdrawals ({@code CorrelationHit}), by the correlator. */
    public static final String CORRELATIONS = "alerts.correlations";
    /** Records that could not be routed: original bytes plus reason headers. */
    public static final String DEAD_LETTERS = "alerts.dlq";
    /**
     * One header-only record per dead letter (reason code, reason, source topic, partition and offset; no key, no
     * value): what the monitor counts, so it needs no right to read the dead letters' bytes, which are alerts.
     */
    public static final String DEAD_LETTER_SUMMARY = "alerts.dlq.summary";
    /** Compacted: per alert id, the bodies that received any version so far (comma-separated text). */
    public static final String RECIPIENTS = "alerts.recipients";
    /**
     * Prefix of each party's responses topic (the return channel, {@code AlertResponse} values):
     * {@code alerts.responses.agency-<id>} and {@code alerts.responses.body-<slug>}, each written by that party's
     * principal alone, so the topic names the responder.
     */
    public static final String RESPONSES_PREFIX = "alerts.responses.";
    /** Regular expression of every responses topic. */
    public static final String RESPONSES_REGEX = "alerts\\.responses\\.(agency|body)-[a-z0-9][a-z0-9-]*";
    /** {@link #RESPONSES_REGEX}, compiled. */
    public static final Pattern RESPONSES_PATTERN = Pattern.compile(RESPONSES_REGEX);
    /**
     * Prefix of each party's inbox (routed responses as that party may see them): {@code alerts.inbox.agency-<id>},
     * {@code alerts.inbox.body-<slug>}; written by the router, read by that party's principal alone.
     */
    public static final String INBOX_PREFIX = "alerts.inbox.";
    /**
     * Prefix of each party's links topic, written by the correlator alone and read by that party's principal alone:
     * {@code alerts.links.body-<slug>} holds the body's copies of the hits between alerts it holds both of
     * ({@code CorrelationHit}, naming that body alone), {@code alerts.links.agency-<id>} the agency's blind notices
     * ({@code CorrelationNotice}).
     */
    public static final String LINKS_PREFIX = "alerts.links.";
    /** What the router reads: every inbound topic and every responses topic. */
    public static final String ROUTED_REGEX = INBOUND_REGEX + "|" + RESPONSES_REGEX;
    /** The schema registry's own log (Corridor's and Confluent's default). */
    public static final String SCHEMAS = "_schemas";

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

    /** How long a feed keeps its records: the window a body can replay (`./corridor replay BODY --from TIME`). */
    public static final Duration FEED_RETENTION = Duration.ofDays(400);
    /** How long receipts are kept: what the originators' status view and the deadlines are rebuilt from. */
    public static final Duration RECEIPTS_RETENTION = Duration.ofDays(400);

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

    /** {@code alerts.responses.agency-<id>}: where an agency writes its responses. */
    public static String agencyResponses(String agencyId) {
        return RESPONSES_PREFIX + "agency-" + agencyId;
    }

    /** {@code alerts.responses.body-<slug>}: where a body writes its responses. */
    public static String bodyResponses(String bodyId) {
        return RESPONSES_PREFIX + "body-" + slug(bodyId);
    }

    /** {@code alerts.inbox.agency-<id>}: the responses an agency may see. */
    public static String agencyInbox(String agencyId) {
        return INBOX_PREFIX + "agency-" + agencyId;
    }

    /** {@code alerts.inbox.body-<slug>}: the responses a body may see. */
    public static String bodyInbox(String bodyId) {
        return INBOX_PREFIX + "body-" + slug(bodyId);
    }

    /** {@code alerts.links.agency-<id>}: the agency's blind notices. */
    public static String agencyLinks(String agencyId) {
        return LINKS_PREFIX + "agency-" + agencyId;
    }

    /** {@code alerts.links.body-<slug>}: the body's copies of correlation hits. */
    public static String bodyLinks(String bodyId) {
        return LINKS_PREFIX + "body-" + slug(bodyId);
    }

    /**
     * The party a responses topic belongs to, or null when the name is not one: {@code alerts.responses.body-paris-pact}
     * is the body {@code PARIS_PACT}, {@code alerts.responses.agency-kz-customs} the agency {@code kz-customs}.
     */
    public static Party responderOf(String responsesTopic) {
        if (responsesTopic == null || !RESPONSES_PATTERN.matcher(responsesTopic).matches()) {
            return null;
        }
        String party = responsesTopic.substring(RESPONSES_PREFIX.length());
        return party.startsWith("agency-") ? new Party(false, party.substring("agency-".length()))
                : new Party(true, bodyOf(party.substring("body-".length())));
    }

    /** Whether the router reads the topic: an agency's inbound topic or a party's responses topic. */
    public static boolean isRouted(String topic) {
        return agencyOf(topic) != null || responderOf(topic) != null;
    }

    /** The body id a {@link #slug} stands for: {@code paris-pact} → {@code PARIS_PACT}. */
    public static String bodyOf(String slug) {
        return slug.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * A party of the return channel.
     *
     * @param body whether it is a body (its id a body id) or an agency (its id an agency id)
     */
    public record Party(boolean body, String id) {

        /** The party's inbox topic. */
        public String inbox() {
            return body ? bodyInbox(id) : agencyInbox(id);
        }

        /** The party as its inbox names it: {@code agency-<id>} or {@code body-<slug>}. */
        public String name() {
            return inbox().substring(INBOX_PREFIX.length());
        }

        /** The party's responses topic. */
        public String responses() {
            return body ? bodyResponses(id) : agencyResponses(id);
        }

        @Override
        public String toString() {
            return (body ? "body " : "agency ") + id;
        }
    }

    /** {@code alerts.feed.<body>} with the body id as {@link #slug}: {@code PARIS_PACT} → {@code alerts.feed.paris-pact}. */
    public static String feed(String bodyId) {
        return FEED_PREFIX + slug(bodyId);
    }

    /** Where a body's undeliverable feed records are parked. */
    public static String parked(String bodyId) {
        return feed(bodyId) + ".parked";
    }

    /** A body id as topic, group and principal names spell it: lower case with hyphens, {@code paris-pact}. */
    public static String slug(String bodyId) {
        return bodyId.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The descriptor of a Corridor topic by its name.
     *
     * @throws IllegalArgumentException for a name that is not one of Corridor's topics
     */
    public static TopicSpec spec(String topic) {
        if (agencyOf(topic) != null) {
            return new TopicSpec(topic, TraffickingAlert.class, kept(), List.of(Groups.ROUTER));
        }
        if (topic.startsWith(FEED_PREFIX) && topic.endsWith(".parked")) {
            String slug = topic.substring(FEED_PREFIX.length(), topic.length() - ".parked".length());
            return new TopicSpec(topic, TraffickingAlert.class, downstream(kept()), List.of(Groups.redrive(slug)));
        }
        if (topic.startsWith(FEED_PREFIX)) {
            String slug = topic.substring(FEED_PREFIX.length());
            return new TopicSpec(topic, TraffickingAlert.class, downstream(retained(FEED_RETENTION)),
                    List.of(Groups.subscriber(slug), Groups.replay(slug)));
        }
        if (responderOf(topic) != null) {
            return new TopicSpec(topic, AlertResponse.class, kept(), List.of(Groups.ROUTER));
        }
        if (topic.startsWith(INBOX_PREFIX)) {
            return new TopicSpec(topic, AlertResponse.class, retained(FEED_RETENTION), List.of());
        }
        if (topic.startsWith(LINKS_PREFIX + "body-")) {
            return new TopicSpec(topic, CorrelationHit.class, retained(FEED_RETENTION), List.of());
        }
        if (topic.startsWith(LINKS_PREFIX + "agency-")) {
            return new TopicSpec(topic, org.corridor.schemas.avro.CorrelationNotice.class, retained(FEED_RETENTION), List.of());
        }
        return switch (topic) {
            case AUDIT -> new TopicSpec(topic, RoutingDecision.class, kept(), List.of());
            // The inbound record itself and its decision: as large as a feed record may be.
            case ROUTED_VERSIONS -> new TopicSpec(topic, org.corridor.schemas.avro.RoutedVersion.class, downstream(kept()),
                    List.of(Groups.CORRELATOR));
            case RECEIPTS -> new TopicSpec(topic, DeliveryReceipt.class, retained(RECEIPTS_RETENTION), List.of());
            case INBOX_RECEIPTS -> new TopicSpec(topic, InboxReceipt.class, retained(RECEIPTS_RETENTION), List.of());
            case CORRELATIONS -> new TopicSpec(topic, CorrelationHit.class, retained(RECEIPTS_RETENTION), List.of());
            case DEAD_LETTERS -> new TopicSpec(topic, null, downstream(kept()), List.of());
            case DEAD_LETTER_SUMMARY -> new TopicSpec(topic, null, kept(), List.of());
            case RECIPIENTS, SCHEMAS -> new TopicSpec(topic, null, Map.of("cleanup.policy", "compact"), List.of());
            default -> throw new IllegalArgumentException("\"" + topic + "\" is not one of Corridor's topics");
        };
    }

    /** Never deleted by time: the agency's own history, the audit trail, dead letters and parked records. */
    private static Map<String, String> kept() {
        return Map.of("retention.ms", "-1");
    }

    private static Map<String, String> retained(Duration retention) {
        return Map.of("retention.ms", Long.toString(retention.toMillis()));
    }

    /** Topics that carry inbound records plus Corridor's headers. */
    private static Map<String, String> downstream(Map<String, String> configs) {
        Map<String, String> all = new java.util.HashMap<>(configs);
        all.put("max.message.bytes", Integer.toString(DOWNSTREAM_MAX_BYTES));
        return all;
    }

}
