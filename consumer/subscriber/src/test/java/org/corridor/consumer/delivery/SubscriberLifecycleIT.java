package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The subscribers' Kafka clients live and die with their context: one listener container per body from the
 * endpoint registry, in the body's group as its static member, and when the context closes the containers stop, their
 * consumer threads end and the receipts producer is closed (its network thread gone).
 */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriberLifecycleIT {

    @TempDir
    Path feeds;

    @Test
    void closingTheContextStopsTheListenersAndClosesTheReceiptsProducer(TestKafka kafka) throws Exception {
        String producerThread;
        Collection<MessageListenerContainer> containers;
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-lifecycle-it")) {
            Map<String, Object> props = Subscribers.properties(fixture, "UNODC,INCB");
            props.put("corridor.subscriber.file-dir", feeds.toString());
            props.put("corridor.subscriber.instance-id", "lifecycle-it");
            ConfigurableApplicationContext subscriber = new SpringApplicationBuilder(SubscriberApplication.class).properties(props).run();
            try {
                containers = subscriber.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers();
                assertThat(containers).extracting(MessageListenerContainer::getListenerId)
                        .containsExactlyInAnyOrder("subscriber-UNODC", "subscriber-INCB");
                assertThat(containers).extracting(MessageListenerContainer::getGroupId)
                        .containsExactlyInAnyOrder("corridor-subscriber-unodc", "corridor-subscriber-incb");
                assertThat(containers).allMatch(MessageListenerContainer::isRunning);
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("corridor-subscriber-unodc"))
                                .describedGroups().get("corridor-subscriber-unodc").get(10, TimeUnit.SECONDS);
                        assertThat(group.members()).extracting(m -> m.groupInstanceId().orElse(null))
                                .as("static member <instance-id>-<body>, with the container's suffix").containsExactly("lifecycle-it-unodc-0");
                    });
                }
                KafkaProducer<?, ?> producer = subscriber.getBean("subscriberProducer", KafkaProducer.class);
                producerThread = "kafka-producer-network-thread | " + clientId(producer);
                assertThat(alive(producerThread)).as("receipts producer running").isTrue();
                assertThat(consumerThreads()).as("one consumer thread per body").hasSize(2);
            } finally {
                subscriber.close();
            }
            assertThat(containers).noneMatch(MessageListenerContainer::isRunning);
            assertThat(alive(producerThread)).as("receipts producer closed: its network thread ended").isFalse();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(consumerThreads()).as("consumer threads ended").isEmpty());
        }
    }

    private static String clientId(KafkaProducer<?, ?> producer) {
        return producer.metrics().keySet().stream().map(m -> m.tags().get("client-id")).filter(id -> id != null)
                .findFirst().orElseThrow();
    }

    private static List<String> consumerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("subscriber-UNODC-") || n.startsWith("subscriber-INCB-")).toList();
    }

    private static boolean alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }
}
