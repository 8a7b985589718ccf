package org.corridor.support.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.corridor.support.kafka.FollowerCheckpoint;
import org.corridor.support.kafka.RestartBackoff;
import org.corridor.support.kafka.TopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TopicFollower} that keeps its view in a {@link StateStore} and resumes from the store's checkpoint, so a
 * restart reads only the records written since. Before resuming it checks that the store was built from these very
 * topics (their ids, so a topic deleted and created again is noticed) in this format of values; if not, or if the
 * cluster cannot tell, the store is emptied and the view rebuilt from the start of the topics, the source of truth.
 */
public final class StoreFollower {

    private static final Logger log = LoggerFactory.getLogger(StoreFollower.class);
    private static final Duration LOOKUP = Duration.ofSeconds(30);

    private StoreFollower() {
    }

    /** Who writes the store's keys, which decides whether a poll's writes can wait for its checkpoint. */
    public enum Writers {
        /**
         * Only the view's callback: each poll's writes are gathered in the store's batch and written with the poll's
         * checkpoint at once, each key once (other threads read them after that write).
         */
        ONLY_THIS_VIEW,
        /** Other threads write the same keys too: each write goes to the store at once, so none is overwritten. */
        SHARED
    }

    /**
     * @param format   names the format of the store's values; a store written in another format is rebuilt
     * @param onRecord writes what the record means into the store, on the follower's thread; must give the same view
     *                 when a record is handed over again (after a crash, the records since the last checkpoint are)
     */
    public static TopicFollower follow(StateStore store, String format, String name, Map<String, Object> consumerProps,
                                       List<String> topics, Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        return follow(store, format, name, consumerProps, topics, Set.of(), Writers.SHARED, onRecord);
    }

    /**
     * @param leading topics read before the others while they are behind ({@link TopicFollower}'s leading topics)
     * @param writers whether only this view writes the store's keys ({@link Writers#ONLY_THIS_VIEW}: batched)
     */
    public static TopicFollower follow(StateStore store, String format, String name, Map<String, Object> consumerProps,
                                       List<String> topics, Set<String> leading, Writers writers,
                                       Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        TopicIds ids = new TopicIds(consumerProps);
        Map<String, String> current = ids.of(topics, LOOKUP);
        String why = reasonToRebuild(store, format, topics, current);
        if (why != null) {
            if (!store.positions().isEmpty() || store.format() != null) {
                log.warn("{}: rebuilding the view in {} from the start of {}: {}", name, store.directory(), topics, why);
            }
            store.clear();
            store.format(format);
            if (current != null) {
                current.forEach(store::topicId);
            }
        } else {
            log.info("{}: resuming the view in {} from its checkpoint", name, store.directory());
        }
        Set<String> known = ConcurrentHashMap.newKeySet();
        if (current != null) {
            known.addAll(current.keySet());
        }
        Consumer<ConsumerRecord<String, byte[]>> apply = writers == Writers.SHARED ? onRecord : r -> {
            store.beginBatch();
            onRecord.accept(r);
        };
        return new TopicFollower(name, consumerProps, topics, apply, RestartBackoff.DEFAULT, new FollowerCheckpoint() {
            @Override
            public Map<TopicPartition, Long> resumeAt() {
                return store.positions();
            }

            @Override
            public void handled(Map<TopicPartition, Long> next) {
                for (TopicPartition tp : next.keySet()) {
                    if (!known.contains(tp.topic())) {
                        // A topic created after the start: remember which one it is before trusting the checkpoint.
                        Map<String, String> id = ids.of(List.of(tp.topic()), LOOKUP);
                        if (id != null && id.containsKey(tp.topic())) {
                            store.topicId(tp.topic(), id.get(tp.topic()));
                            known.add(tp.topic());
                        }
                    }
                }
                Map<TopicPartition, Long> checked = new HashMap<>(next);
                checked.keySet().removeIf(tp -> !known.contains(tp.topic()));
                store.checkpoint(checked);
            }
        }, leading);
    }

    /** Why the store cannot be resumed, or null when it can. */
    static String reasonToRebuild(StateStore store, String format, List<String> topics, Map<String, String> current) {
        if (store.format() == null) {
            return "the store is new";
        }
        if (!format.equals(store.format())) {
            return "its values are in format " + store.format() + ", not " + format;
        }
        if (current == null) {
            return "the cluster could not tell the topics' ids";
        }
        for (String topic : topics) {
            if (!Objects.equals(store.topicId(topic), current.get(topic))) {
                return "topic " + topic + " is not the one the view was built from (id " + store.topicId(topic)
                        + ", now " + current.get(topic) + ")";
            }
        }
        return null;
    }
}
