package org.corridor.support.kafka;

import org.corridor.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Corridor's topics that do not exist yet; existing topics are left as they are. */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /**
     * Creates each missing topic with the partitions, replication factor and {@code min.insync.replicas} given
     * (min ISR is capped at the replication factor), and the topic's own configs from its descriptor
     * ({@link Topics#spec}: cleanup policy, {@code max.message.bytes}).
     *
     * @throws IllegalArgumentException for a name that is not one of Corridor's topics
     */
    public static void ensure(Admin admin, Collection<String> topics, int partitions, short replication) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    Map<String, String> all = new java.util.HashMap<>(Topics.spec(topic).configs());
                    all.putIfAbsent("min.insync.replicas", Integer.toString(Math.min(2, replication)));
                    missing.add(new NewTopic(topic, partitions, replication).configs(all));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topics " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics + ": " + e, e);
        }
    }
}
