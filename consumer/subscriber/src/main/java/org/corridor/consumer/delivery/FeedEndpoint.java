package org.corridor.consumer.delivery;

import org.corridor.schemas.topics.Groups;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.corridor.schemas.topics.Topics;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * The listener endpoint of one body: its feed {@code alerts.feed.<body>}, in its own consumer group
 * {@code corridor-subscriber-<body>}, as the static member {@code <instance-id>-<body>} (the container adds its
 * {@code -0} suffix), with the body's own client settings, a poll at a time into its {@link FeedListener}. The
 * container comes from the subscribers' listener factory ({@link FeedListenerConfiguration}).
 */
final class FeedEndpoint implements KafkaListenerEndpoint {

    private final String body;
    private final BatchMessageListener<String, byte[]> listener;
    private final Properties consumerProperties;

    /** @param clientOverrides the body's own client settings ({@link BodyClients#overrides}) */
    FeedEndpoint(String body, String instanceId, Properties clientOverrides, BatchMessageListener<String, byte[]> listener) {
        this.body = body;
        this.listener = listener;
        this.consumerProperties = new Properties();
        this.consumerProperties.putAll(clientOverrides);
        // Static membership: a restarted process takes the body's partitions back at once (no session timeout).
        this.consumerProperties.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-" + body.toLowerCase(Locale.ROOT));
    }

    /** The consumer group of a body's feed. */
    static String groupId(String body) {
        return Groups.subscriber(body);
    }

    /** Also the container's bean name and the prefix of its consumer thread's name. */
    @Override
    public String getId() {
        return "subscriber-" + body;
    }

    @Override
    public String getGroupId() {
        return groupId(body);
    }

    @Override
    public String getGroup() {
        return null;
    }

    @Override
    public Collection<String> getTopics() {
        return List.of(Topics.feed(body));
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
        return null;
    }

    @Override
    public Pattern getTopicPattern() {
        return null;
    }

    @Override
    public String getClientIdPrefix() {
        return null;
    }

    @Override
    public Integer getConcurrency() {
        return null;
    }

    @Override
    public Boolean getAutoStartup() {
        return null;
    }

    @Override
    public Properties getConsumerProperties() {
        Properties copy = new Properties();
        copy.putAll(consumerProperties);
        return copy;
    }

    @Override
    public Boolean getBatchListener() {
        return Boolean.TRUE;
    }

    @Override
    public void setupListenerContainer(MessageListenerContainer container, MessageConverter messageConverter) {
        container.setupMessageListener(listener);
    }

    @Override
    public boolean isSplitIterables() {
        return false;
    }
}
