package org.corridor.consumer.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.corridor.consumer.decision.History;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.support.state.StateStore;
import org.corridor.support.state.StoreFollower;

/**
 * What the router knows of each alert id ({@link History}: owner, highest routed version, strictest markings, the
 * bodies that received some version), so corrections and retractions follow the alert and nobody else can publish
 * under its id. Kept on local disk in a {@link StateStore}, not in the heap, backed by the compacted topic
 * {@value Topics#RECIPIENTS} (keyed by alert id, values in {@link HistoryCodec}'s format, the former comma-separated
 * recipients read as well) that the router writes in each routing transaction and that a {@link StoreFollower} reads,
 * so instances see each other's decisions and a restart reads only what was written since the store's checkpoint.
 * Before an instance routes a partition it was just given, it waits until it has read everything committed so far
 * ({@link #catchUp}). A value it cannot read is logged and leaves what it knew of the id unchanged. Thread-safe.
 */
public final class RecipientsStore implements AutoCloseable {

    /** The format of the store's values: {@link HistoryCodec}'s. */
    static final String FORMAT = "history-" + HistoryCodec.FORMAT;

    private final StateStore store;
    private final TopicFollower follower;

    /** @param store where the histories are kept; closed with this */
    public RecipientsStore(Map<String, Object> consumerProps, StateStore store) {
        this.store = store;
        this.follower = StoreFollower.follow(store, FORMAT, "recipients-store", consumerProps, List.of(Topics.RECIPIENTS), r -> {
            // A value that is not a history throws: the follower skips it, logs it and counts it (state unchanged).
            History h = HistoryCodec.decode(r.value());
            if (h != null && r.key() != null) {
                committed(r.key(), h);
            }
        });
    }

    /** What is known of the alert id ({@link History#NONE} when nothing). */
    public History history(String alertId) {
        byte[] known = store.get(alertId);
        History h = known == null ? null : HistoryCodec.decode(known);
        return h == null ? History.NONE : h;
    }

    /**
     * Records the history of a committed routing; called after the transaction committed, and by the follower (which
     * may hand a record over again after a crash: merging a history twice changes nothing).
     */
    public void committed(String alertId, History history) {
        store.update(alertId, old -> {
            History before = old == null ? null : HistoryCodec.decode(old);
            return HistoryCodec.encode(before == null ? history : before.merge(history));
        });
    }

    /** The follower of {@value Topics#RECIPIENTS}, for health and metrics. */
    TopicFollower follower() {
        return follower;
    }

    /**
     * Waits until everything committed to the topic before this call has been read, for as long as the store keeps
     * reading (a store rebuilt from millions of records takes minutes); fails once it has read nothing for
     * {@code stall}.
     */
    public void catchUpWhileReading(Duration stall) {
        follower.awaitCaughtUpWhileReading(stall);
    }

    /** Waits until everything committed to the topic before this call has been read. */
    public void catchUp(Duration timeout) {
        follower.awaitCaughtUp(timeout);
    }

    @Override
    public void close() {
        follower.close();
        store.close();
    }
}
