package org.corridor.schemas.topics;

import java.util.List;

/** Names of the consumer groups (and the transactional-id prefix) of Corridor's services, per body where they are. */
public final class Groups {

    /** The router's group, also the prefix of its transactional ids and its listener id. */
    public static final String ROUTER = "corridor-router";

    /** The correlator's Kafka Streams application id: its group, and the prefix of its internal topics. */
    public static final String CORRELATOR = "corridor-correlator";

    private Groups() {
    }

    /** {@code corridor-subscriber-<slug>}: delivers a body's feed. */
    public static String subscriber(String bodyId) {
        return "corridor-subscriber-" + Topics.slug(bodyId);
    }

    /** {@code corridor-redrive-<slug>}: re-delivers a body's parked records. */
    public static String redrive(String bodyId) {
        return "corridor-redrive-" + Topics.slug(bodyId);
    }

    /** {@code corridor-replay-<slug>}: re-delivers a body's feed from a time. */
    public static String replay(String bodyId) {
        return "corridor-replay-" + Topics.slug(bodyId);
    }

    /** Every group that reads as the body's own principal. */
    public static List<String> ofBody(String bodyId) {
        return List.of(subscriber(bodyId), redrive(bodyId), replay(bodyId));
    }
}
