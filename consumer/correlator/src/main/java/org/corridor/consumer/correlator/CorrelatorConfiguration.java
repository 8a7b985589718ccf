package org.corridor.consumer.correlator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.corridor.consumer.correlate.CorrelationExplainer;
import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.consumer.explain.Explainer;
import org.corridor.consumer.linking.CorrelatorMetrics;
import org.corridor.consumer.linking.CorrelatorTopology;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.topics.Groups;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.support.kafka.TopicAdmin;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.Serdes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The correlator's beans: its settings, the topology and its KafkaStreams, the explainer, metrics and health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorrelatorProperties.class)
public class CorrelatorConfiguration {

    @Bean
    ReferenceData correlatorReference() {
        return ReferenceData.defaults();
    }

    @Bean
    MatchSettings matchSettings(CorrelatorProperties p) {
        return new MatchSettings(p.windowDays(), p.quantityTolerance(), p.threshold());
    }

    @Bean
    Disclosure disclosure(ReferenceData correlatorReference) {
        return new Disclosure(correlatorReference);
    }

    @Bean
    SchemaRegistryClient correlatorRegistry(CorrelatorProperties p) {
        return new CachingSchemaRegistryClient(RegistryClientConfig.of(p.schemaRegistryUrl()));
    }

    @Bean
    CorrelatorMetrics correlatorMetrics(MeterRegistry registry) {
        return new CorrelatorMetrics(registry);
    }

    @Bean
    CorrelationExplainer correlationExplainer(ReferenceData reference, MatchSettings settings, Disclosure disclosure) {
        Explainer routing = new Explainer(new RouteDecider(new Relevance(RoutingRules.defaults(reference), reference),
                new ReleasePolicy(), reference.bodyIds()), new AlertValidator(reference, Clock.systemUTC()));
        return new CorrelationExplainer(routing, new Matcher(settings), disclosure, Clock.systemUTC());
    }

    @Bean
    CorrelatorStreams correlatorStreams(KafkaProperties kafka, CorrelatorProperties p, MatchSettings settings,
                                        SchemaRegistryClient correlatorRegistry, Disclosure disclosure,
                                        CorrelatorMetrics metrics, ReferenceData reference) throws java.io.IOException {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            TopicAdmin.ensure(admin, linksTopics(admin, reference), p.partitions(), p.replicationFactor());
        }
        Topology topology = CorrelatorTopology.build(new CorrelatorTopology.Settings(settings, p.retention(), p.maxPerKey(),
                        p.shards()), Serdes.reader(correlatorRegistry, RoutedVersion.class),
                Serdes.writer(correlatorRegistry, CorrelationHit.class),
                Serdes.writer(correlatorRegistry, CorrelationNotice.class), disclosure, metrics);
        return new CorrelatorStreams(topology, streamsConfig(kafka, p), p.enabled());
    }

    /**
     * {@code alerts.correlations} and the links topics the topology writes to: every body's, and the agency's of every
     * inbound topic there is now (an agency added later gets its links topic with its other topics: the provisioner,
     * or the ingest for the agencies it serves).
     */
    static List<String> linksTopics(Admin admin, ReferenceData reference) {
        List<String> topics = new java.util.ArrayList<>(List.of(Topics.CORRELATIONS));
        reference.bodyIds().forEach(body -> topics.add(Topics.bodyLinks(body)));
        try {
            admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS).stream().map(Topics::agencyOf)
                    .filter(java.util.Objects::nonNull).sorted().forEach(agency -> topics.add(Topics.agencyLinks(agency)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing the inbound topics", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list the inbound topics: " + e, e);
        }
        return topics;
    }

    static Map<String, Object> streamsConfig(KafkaProperties kafka, CorrelatorProperties p) throws java.io.IOException {
        Map<String, Object> c = new HashMap<>(kafka.buildStreamsProperties());
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, Groups.CORRELATOR);
        c.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A transaction (and a flush of every store) a second, not every 100 ms: a link a second late costs nobody.
        c.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, p.commitInterval().toMillis());
        c.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, p.threads());
        c.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) p.replicationFactor());
        Path state = p.stateDir() != null ? p.stateDir() : Files.createTempDirectory("corridor-correlator-");
        Files.createDirectories(state);
        c.put(StreamsConfig.STATE_DIR_CONFIG, state.toAbsolutePath().toString());
        return c;
    }

    @Bean(destroyMethod = "close")
    KafkaStreamsMetrics correlatorStreamsMetrics(CorrelatorStreams correlatorStreams, MeterRegistry registry) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(correlatorStreams.streams());
        metrics.bindTo(registry);
        return metrics;
    }

    @Bean("correlator")
    HealthIndicator correlatorHealth(CorrelatorStreams correlatorStreams) {
        return () -> {
            KafkaStreams.State state = correlatorStreams.streams().state();
            return (state.isRunningOrRebalancing() ? Health.up() : Health.down()).withDetail("state", state.name()).build();
        };
    }
}
