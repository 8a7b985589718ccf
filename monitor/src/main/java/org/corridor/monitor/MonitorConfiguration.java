package org.corridor.monitor;

import org.corridor.support.serde.Serdes;
import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.corridor.monitor.cluster.ClusterReader;
import org.corridor.monitor.cluster.DeadLetterTally;
import org.corridor.monitor.cluster.DeliveryTally;
import org.corridor.monitor.cluster.HealthModel;
import org.corridor.monitor.cluster.InboxTally;
import org.corridor.schemas.avro.InboxReceipt;
import org.corridor.monitor.cluster.LatencyScraper;
import org.corridor.monitor.cluster.Sampler;
import org.corridor.monitor.lag.LagEvaluator;
import org.corridor.monitor.metrics.MonitorMetrics;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.schemas.topics.Topics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the monitor: Admin reads, the dead-letter, receipt and inbox-receipt followers, the model, the sampler and its meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitorProperties.class)
class MonitorConfiguration {

    @Bean
    DeadLetterTally deadLetterTally() {
        return new DeadLetterTally();
    }

    @Bean
    DeliveryTally deliveryTally() {
        return new DeliveryTally();
    }

    /** Reads only the headers of dead letters. */
    @Bean(destroyMethod = "close")
    TopicFollower deadLetterFollower(KafkaProperties kafka, DeadLetterTally tally) {
        return new TopicFollower("corridor-monitor-dead-letters", kafka.buildConsumerProperties(),
                List.of(Topics.DEAD_LETTER_SUMMARY), tally::add);
    }

    @Bean(destroyMethod = "close")
    TopicFollower receiptFollower(KafkaProperties kafka, DeliveryTally tally, MonitorProperties properties) {
        AvroDeserializer<DeliveryReceipt> receipts = Serdes.reader(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())), DeliveryReceipt.class);
        return new TopicFollower("corridor-monitor-receipts", kafka.buildConsumerProperties(), List.of(Topics.RECEIPTS),
                r -> tally.add(receipts.deserialize(r.topic(), r.value())));
    }

    @Bean
    InboxTally inboxTally() {
        return new InboxTally();
    }

    /** Reads the inbox receipts: ids and outcomes of responses delivered into the parties' systems. */
    @Bean(destroyMethod = "close")
    TopicFollower inboxReceiptFollower(KafkaProperties kafka, InboxTally tally, MonitorProperties properties) {
        AvroDeserializer<InboxReceipt> receipts = Serdes.reader(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())), InboxReceipt.class);
        return new TopicFollower("corridor-monitor-inbox-receipts", kafka.buildConsumerProperties(), List.of(Topics.INBOX_RECEIPTS),
                r -> tally.add(receipts.deserialize(r.topic(), r.value())));
    }

    @Bean
    MonitorMetrics monitorMetrics(MeterRegistry registry) {
        return new MonitorMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    Admin monitorAdmin(KafkaProperties kafka) {
        return Admin.create(kafka.buildAdminProperties());
    }

    @Bean(destroyMethod = "close")
    Sampler sampler(MonitorProperties properties, Admin admin, DeadLetterTally deadLetters, DeliveryTally deliveries,
                    InboxTally inboxes, MonitorMetrics metrics) {
        HealthModel model = new HealthModel(new LagEvaluator(properties.window(), properties.stallSamples()),
                deadLetters, deliveries, inboxes, List.copyOf(ReferenceData.defaults().bodies()));
        Sampler sampler = new Sampler(new ClusterReader(admin, properties.adminTimeout(), Clock.systemUTC()),
                new LatencyScraper(properties.scrapeUrls()), model, metrics::update, metrics::failed);
        sampler.start(properties.sampleInterval());
        return sampler;
    }
}
