package org.corridor.consumer.router;

import org.corridor.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.corridor.support.kafka.TopicFollower;

/**
 * Which bodies received some version of each alert, so corrections and retractions follow the alert. Kept in memory,
 * backed by the compacted topic {@value Topics#RECIPIENTS} that the router writes in each routing transaction and that a
 * {@link TopicFollower} reads, so instances see each other's decisions; before an instance routes a partition it was
 * just given, it waits until it has read everything committed so far ({@link #catchUp}). Thread-safe.
 */
public final class RecipientsStore implements AutoCloseable {

    /** Key: alert id; value: comma-separated body ids that have received it. */

    private final Map<String, SortedSet<String>> recipients = new ConcurrentHashMap<>();
    private final TopicFollower follower;

    public RecipientsStore(Map<String, Object> consumerProps) {
        this.follower = new TopicFollower("recipients-store", consumerProps, List.of(Topics.RECIPIENTS), r -> {
            if (r.value() != null && r.value().length > 0) {
                committed(r.key(), Arrays.asList(new String(r.value(), StandardCharsets.UTF_8).split(",")));
            }
        });
    }

    /** Bodies that received an earlier version of the alert (empty when none). */
    public Set<String> previous(String alertId) {
        return recipients.getOrDefault(alertId, new TreeSet<>());
    }

    /** Records recipients of a committed routing; called after the transaction committed. */
    public void committed(String alertId, Collection<String> bodies) {
        if (!bodies.isEmpty()) {
            recipients.merge(alertId, new TreeSet<>(bodies), (a, b) -> {
                TreeSet<String> all = new TreeSet<>(a);
                all.addAll(b);
                return all;
            });
        }
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
