package org.corridor.consumer.delivery;

import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The feed listeners: one {@link FeedEndpoint} per served body, registered with Spring Kafka's endpoint registry and
 * built by one container factory, so the registry starts them with the context and stops them first when it closes.
 * Boot's {@code spring.kafka.listener.*} settings do not apply to these containers; their settings are
 * {@code corridor.subscriber.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
class FeedListenerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FeedListenerConfiguration.class);

    /**
     * Containers that read a poll at a time and commit its offsets (past the transaction markers that end a feed)
     * only after the listener returned. A poll whose listener throws is delivered again after {@code retry-backoff},
     * doubled up to {@code max-retry-backoff}, without end; an authorization error is retried every
     * {@code auth-retry-interval} instead of stopping the body.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> feedListenerFactory(BodyClients clients, SubscriberProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(clients.common(), new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setBatchListener(true);
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        // Feeds are written in transactions: after the last record comes a commit marker. Without this the group
        // commits the offset before the marker, shows a lag of 1 for ever, and the monitor would call it stopped.
        container.setFixTxOffsets(true);
        container.setAuthExceptionRetryInterval(properties.authRetryInterval());
        // The subscribers' meters are SubscriberMetrics'; what they export stays what the monitor and ops files know.
        container.setMicrometerEnabled(false);
        // An error handler per container: its retry state belongs to one body.
        factory.setContainerCustomizer(c -> {
            ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
            backOff.setMaxInterval(properties.maxRetryBackoff().toMillis());
            c.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        });
        return factory;
    }

    /** @param subscriberAdmin created first: the topics exist before the containers subscribe */
    @Bean
    KafkaListenerConfigurer feedEndpoints(ConcurrentKafkaListenerContainerFactory<String, byte[]> feedListenerFactory,
                                          FeedSinks sinks, BodyClients clients, FeedReader reader, Receipts receipts,
                                          SubscriberMetrics metrics,
                                          SubscriberProperties properties, Admin subscriberAdmin) {
        return registrar -> sinks.bodies().forEach(body -> registrar.registerEndpoint(new FeedEndpoint(body,
                properties.instanceId(), consumerOverrides(body, clients, properties),
                new FeedListener(body, sinks.of(body).orElseThrow(), reader, receipts, metrics)),
                feedListenerFactory));
    }

    /**
     * The body's own client settings and, for a webhook body, a {@code max.poll.records} whose deliveries fit in
     * {@code max.poll.interval.ms} ({@link PollBudget}); a webhook whose single delivery cannot fit stops the start.
     */
    static Properties consumerOverrides(String body, BodyClients clients, SubscriberProperties properties) {
        Properties overrides = clients.overrides(body);
        SubscriberProperties.Webhook hook = properties.webhooks().get(body);
        if (hook != null) {
            int records = PollBudget.maxPollRecords(body, properties, hook, clients.forBody(body));
            log.info("{}: at most {} records a poll, so that their webhook deliveries fit in max.poll.interval.ms", body, records);
            overrides.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(records));
        }
        return overrides;
    }
}
