package org.corridor.support.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ids the cluster gave to topics (a topic deleted and created again has a new one), with a follower's settings. */
final class TopicIds {

    private static final Logger log = LoggerFactory.getLogger(TopicIds.class);
    private final Map<String, Object> adminProps = new HashMap<>();

    TopicIds(Map<String, Object> clientProps) {
        clientProps.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                adminProps.put(k, v);
            }
        });
    }

    /** The id of each topic that exists; null when the cluster did not answer in time. */
    Map<String, String> of(List<String> topics, Duration timeout) {
        try (Admin admin = Admin.create(adminProps)) {
            Map<String, String> ids = new HashMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e
                    : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    ids.put(e.getKey(), e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).topicId().toString());
                } catch (ExecutionException notThere) {
                    if (!(notThere.getCause() instanceof UnknownTopicOrPartitionException)) {
                        log.warn("topic {}: its id could not be read: {}", e.getKey(), notThere.getCause().toString());
                        return null;
                    }
                }
            }
            return ids;
        } catch (TimeoutException e) {
            log.warn("topics {}: their ids could not be read within {}", topics, timeout);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            log.warn("topics {}: their ids could not be read: {}", topics, e.toString());
            return null;
        }
    }
}
