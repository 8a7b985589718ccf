package org.corridor.producer.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridor.support.kafka.Followers;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.support.state.StateStore;
import org.corridor.support.state.StoreFollower;

/**
 * The alert ids on one inbound topic, with the version and offset of each of their records (read_committed, in log
 * order), kept in a {@link StateStore} and filled by a {@link StoreFollower} that resumes from the store's checkpoint.
 * {@link #ready()} once the follower has caught up with the topic as it was when it started: from then on an id it
 * does not hold was not on the topic at that moment. Thread-safe.
 */
final class IdIndex implements AutoCloseable {

    private final StateStore store;
    private final TopicFollower follower;
    private volatile boolean ready;

    /**
     * @param dir where the index is kept, used by one process at a time; null: a temporary directory
     */
    IdIndex(String topic, Path dir, Map<String, Object> consumerProps, PartitionScan scans, Followers followers) {
        String name = "alert-ids-" + topic;
        this.store = StateStore.open(dir, name);
        try {
            this.follower = followers.add(StoreFollower.follow(store, Placements.FORMAT, name, consumerProps, List.of(topic),
                    Set.of(), StoreFollower.Writers.ONLY_THIS_VIEW, r -> {
                        if (r.key() != null) {
                            // A record that is not an alert still takes the id (as before); it has no version.
                            PartitionScan.Placed placed = new PartitionScan.Placed(scans.versionOf(topic, r.value()), r.offset());
                            store.update(r.key(), old -> Placements.with(old, placed));
                        }
                    }));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        follower.caughtUp().thenRun(() -> ready = true);
    }

    boolean ready() {
        return ready;
    }

    /** The key's records in log order, or null when the index has not read any. */
    List<PartitionScan.Placed> placements(String key) {
        byte[] v = store.get(key);
        return v == null ? null : Placements.decode(v);
    }

    TopicFollower follower() {
        return follower;
    }

    @Override
    public void close() {
        follower.close();
        store.close();
    }
}
