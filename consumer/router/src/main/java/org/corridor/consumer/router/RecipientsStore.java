package org.corridor.consumer.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.corridor.consumer.decision.History;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.TopicFollower;

/**
 * What the router knows of each alert id ({@link History}: owner, highest routed version, strictest markings, the
 * bodies that received some version), so corrections and retractions follow the alert and nobody else can publish
 * under its id. Kept in memory, backed by the compacted topic {@value Topics#RECIPIENTS} (keyed by alert id, values
 * in {@link HistoryCodec}'s format, the former comma-separated recipients read as well) that the router writes in
 * each routing transaction and that a {@link TopicFollower} reads, so instances see each other's decisions; before an
 * instance routes a partition it was just given, it waits until it has read everything committed so far
 * ({@link #catchUp}). A value it cannot read is logged and leaves what it knew of the id unchanged. Thread-safe.
 */
public final class RecipientsStore implements AutoCloseable {

    private final Map<String, History> histories = new ConcurrentHashMap<>();
    private final TopicFollower follower;

    public RecipientsStore(Map<String, Object> consumerProps) {
        this.follower = new TopicFollower("recipients-store", consumerProps, List.of(Topics.RECIPIENTS), r -> {
            // A value that is not a history throws: the follower skips it, logs it and counts it (state unchanged).
            History h = HistoryCodec.decode(r.value());
            if (h != null && r.key() != null) {
                committed(r.key(), h);
            }
        });
    }

    /** What is known of the alert id ({@link History#NONE} when nothing). */
    public History history(String alertId) {
        return histories.getOrDefault(alertId, History.NONE);
    }

    /** Records the history of a committed routing; called after the transaction committed, and by the follower. */
    public void committed(String alertId, History history) {
        histories.merge(alertId, history, History::merge);
    }

    /** The follower of {@value Topics#RECIPIENTS}, for health and metrics. */
    TopicFollower follower() {
        return follower;
    }

    /** Waits until everything committed to the topic before this call has been read. */
    public void catchUp(Duration timeout) {
        follower.awaitCaughtUp(timeout);
    }

    @Override
    public void close() {
        follower.close();
    }
}
