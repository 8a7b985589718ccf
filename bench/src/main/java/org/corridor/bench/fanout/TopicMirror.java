package org.corridor.bench.fanout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates each missing fan-out topic as a copy of the Corridor topic it stands for: the same partition count,
 * replication factor and topic-level configs (those set on the topic itself: retention, cleanup policy,
 * {@code max.message.bytes}, {@code min.insync.replicas}). Topics that exist are left as they are.
 */
final class TopicMirror {

    private TopicMirror() {
    }

    /** The number of partitions of each topic. */
    static Map<String, Integer> partitions(Admin admin, Collection<String> topics) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((name, d) -> counts.put(name, d.partitions().size()));
        return counts;
    }

    static void ensure(Admin admin, Collection<String> fanoutTopics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> originals = fanoutTopics.stream().filter(t -> !existing.contains(t)).map(FanoutTopics::original).toList();
        if (originals.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(originals).allTopicNames().get(30, TimeUnit.SECONDS);
        List<ConfigResource> resources = originals.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        List<NewTopic> create = new ArrayList<>();
        for (String topic : fanoutTopics) {
            if (existing.contains(topic)) {
                continue;
            }
            String original = FanoutTopics.original(topic);
            TopicDescription d = described.get(original);
            Map<String, String> own = new HashMap<>();
            for (ConfigEntry e : configs.get(new ConfigResource(ConfigResource.Type.TOPIC, original)).entries()) {
                if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && e.value() != null) {
                    own.put(e.name(), e.value());
                }
            }
            create.add(new NewTopic(topic, d.partitions().size(), (short) d.partitions().get(0).replicas().size()).configs(own));
        }
        try {
            admin.createTopics(create).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating " + fanoutTopics + " took more than 30 s", e);
        }
        awaitDescribable(admin, create.stream().map(NewTopic::name).toList());
    }

    /**
     * Until every created topic can be described: createTopics returns once the controller has them, which may be
     * before the broker answering describeTopics knows them (UnknownTopicOrPartitionException, seen in CI).
     */
    private static void awaitDescribable(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }
}
