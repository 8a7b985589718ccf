package org.corridor.registry.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.corridor.registry.RegistryProperties;
import org.corridor.registry.core.RegistryException;

/** Creates the log topic (one partition, compacted) or checks that an existing one has a single partition. */
final class TopicSetup {

    private TopicSetup() {
    }

    /** Describes the topic, waiting while a just-created topic is not known to every broker yet. */
    private static TopicDescription describe(Admin admin, String topic) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static void ensure(Admin admin, RegistryProperties properties) {
        String topic = properties.topic();
        try {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, properties.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description = describe(admin, topic);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("corridor.registry.topic: topic " + topic + " has "
                        + description.partitions().size() + " partitions; the registry log needs exactly 1");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted creating " + topic, e);
        } catch (ExecutionException e) {
            throw RegistryException.storeError("cannot create or describe " + topic + ": " + e.getCause(), e);
        }
    }
}
