package org.corridor.bench.fanout;

import org.corridor.schemas.topics.Topics;

/**
 * The fan-out's own topics, one per Corridor topic the router writes, so the subscribers' real feeds stay clean:
 * {@code bench.fanout.<body slug>} for {@code alerts.feed.<body slug>}, {@code bench.fanout.audit} and
 * {@code bench.fanout.recipients}.
 */
final class FanoutTopics {

    static final String PREFIX = "bench.fanout.";
    static final String AUDIT = PREFIX + "audit";
    static final String RECIPIENTS = PREFIX + "recipients";

    private FanoutTopics() {
    }

    /** {@code bench.fanout.paris-pact} for the body {@code PARIS_PACT}. */
    static String feed(String bodyId) {
        return PREFIX + Topics.slug(bodyId);
    }

    /** The Corridor topic whose partitions and configs the fan-out topic copies. */
    static String original(String fanoutTopic) {
        if (fanoutTopic.equals(AUDIT)) {
            return Topics.AUDIT;
        }
        if (fanoutTopic.equals(RECIPIENTS)) {
            return Topics.RECIPIENTS;
        }
        if (!fanoutTopic.startsWith(PREFIX)) {
            throw new IllegalArgumentException("\"" + fanoutTopic + "\" is not a fan-out topic (" + PREFIX + "...)");
        }
        return Topics.FEED_PREFIX + fanoutTopic.substring(PREFIX.length());
    }
}
