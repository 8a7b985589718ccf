package org.corridor.consumer.router;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.corridor.consumer.audit.AuditAssignment;
import org.corridor.consumer.audit.AuditChains;
import org.corridor.consumer.audit.AuditLogTail;
import org.corridor.consumer.audit.AuditWriters;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.consumer.decision.ResponseTriage;
import org.corridor.consumer.decision.Triage;
import org.corridor.consumer.explain.ExplainController;
import org.corridor.consumer.metrics.RouterMetrics;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.kafka.TopicAdmin;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.state.StateStore;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.ResponseValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/** The router's beans: rules, policy, codec, recipients store, and the transactional listener container's setup. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = {RouterConfiguration.class, ExplainController.class})
@EnableConfigurationProperties(RouterProperties.class)
public class RouterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouterConfiguration.class);

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.defaults();
    }

    @Bean
    RoutingRules routingRules(RouterProperties properties, ReferenceData reference) {
        RoutingRules rules = properties.rulesFile() == null ? RoutingRules.defaults(reference)
                : RoutingRules.load(properties.rulesFile(), reference);
        log.info("Routing rules version {}: {} rules{}", rules.version(), rules.rules().size(),
                properties.rulesFile() == null ? " (bundled defaults)" : " from " + properties.rulesFile());
        return rules;
    }

    @Bean
    RouteDecider routeDecider(RoutingRules rules, ReferenceData reference) {
        return new RouteDecider(new Relevance(rules, reference), new ReleasePolicy(), reference.bodyIds());
    }

    @Bean
    Clock routerClock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertValidator routerValidator(ReferenceData reference, Clock clock) {
        return new AlertValidator(reference, clock);
    }

    @Bean
    AlertCodec alertCodec(RouterProperties properties) {
        return new AlertCodec(new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())),
                properties.maxRetries(), properties.retryBackoff(), properties.maxRetryBackoff());
    }

    @Bean
    RouterMetrics routerMetrics(MeterRegistry registry) {
        return new RouterMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    Admin routerAdmin(KafkaProperties kafka, RouterProperties properties, ReferenceData reference) {
        Admin admin = Admin.create(kafka.buildAdminProperties());
        List<String> topics = new ArrayList<>();
        reference.bodyIds().forEach(body -> topics.add(Topics.feed(body)));
        // The bodies' side of the return channel (on a secured cluster provisioning created them already).
        reference.bodyIds().forEach(body -> topics.add(Topics.bodyResponses(body)));
        reference.bodyIds().forEach(body -> topics.add(Topics.bodyInbox(body)));
        topics.add(Topics.AUDIT);
        topics.add(Topics.ROUTED_VERSIONS);
        topics.add(Topics.DEAD_LETTERS);
        topics.add(Topics.DEAD_LETTER_SUMMARY);
        topics.add(Topics.RECIPIENTS);
        TopicAdmin.ensure(admin, topics, properties.partitions(), properties.replicationFactor());
        return admin;
    }

    @Bean(destroyMethod = "close")
    RecipientsStore recipientsStore(KafkaProperties kafka, Admin routerAdmin, RouterProperties properties) {
        RecipientsStore store = new RecipientsStore(kafka.buildConsumerProperties(),
                StateStore.open(properties.stateDir(), "router-" + properties.instanceId()));
        try {
            // However long the topic: a rebuilt store reads millions of records before the router may decide.
            store.catchUpWhileReading(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Bean(destroyMethod = "close")
    AuditLogTail auditLogTail(KafkaProperties kafka, Admin routerAdmin) {
        // Well inside the transaction timeout (30 s): a head is read within the routing transaction.
        return new AuditLogTail(routerAdmin, kafka.buildConsumerProperties(), Duration.ofSeconds(10));
    }

    @Bean
    AuditChains auditChains(AuditLogTail tail) {
        return new AuditChains(tail);
    }

    @Bean
    RoutingService routingService(AlertCodec codec, AlertValidator validator, RouteDecider decider, RecipientsStore store,
                                  KafkaTemplate<String, byte[]> template, RouterMetrics metrics, RouterProperties properties,
                                  ReferenceData reference, Clock clock) {
        return new RoutingService(codec, new Triage(validator, decider),
                new ResponseTriage(new ResponseValidator(reference), new ReleasePolicy()), store, template, metrics,
                properties.instanceId(), clock);
    }

    @Bean
    TransactionalRouting transactionalRouting(RoutingService routing, KafkaTransactionManager<?, ?> transactionManager,
                                              KafkaTemplate<String, byte[]> template, AuditChains chains,
                                              RouterProperties properties, RouterMetrics metrics) {
        return new TransactionalRouting(routing, new TransactionTemplate(transactionManager), template, chains, properties,
                metrics);
    }

    /**
     * The listener runs its own transactions ({@link TransactionalRouting}: bounded retries, then splitting), so the
     * container runs none. What the listener gives back (the cluster failing for longer than the retries) the
     * container redelivers after a pause, for as long as it takes: records are never skipped, whatever the exception.
     * Record-level problems never get here; the routing service dead-letters them inside the transaction. Before
     * routing newly assigned partitions, the recipients store catches up with what other instances committed, and
     * every audit chain head is forgotten on each rebalance, so the partitions' next owner reads them from the log.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> routerContainerCustomizer(
            RecipientsStore store, AuditChains chains, RouterProperties properties) {
        return container -> {
            container.getContainerProperties().setKafkaAwareTransactionManager(null);
            container.getContainerProperties().setTransactionManager(null);
            DefaultErrorHandler redeliver = new DefaultErrorHandler(
                    new FixedBackOff(properties.maxRetryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
            redeliver.setClassifications(java.util.Map.of(), true);
            container.setCommonErrorHandler(redeliver);
            container.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
                @Override
                public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                    chains.forget();
                }

                @Override
                public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                    chains.forget();
                }

                @Override
                public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                    chains.forget();
                    warnOfAuditWidths(consumer);
                    store.catchUp(Duration.ofSeconds(60));
                }
            });
        };
    }

    /** Logs what would keep several instances from having one writer per audit partition; never fails the rebalance. */
    private static void warnOfAuditWidths(Consumer<?, ?> consumer) {
        try {
            int audit = consumer.partitionsFor(Topics.AUDIT).size();
            for (String problem : AuditWriters.widthProblems(audit, AuditAssignment.widths(consumer, java.util.Set.of()))) {
                log.warn("Audit chain: {}. With several router instances some alerts.audit partitions then have no single "
                        + "writer and the decisions for them wait (docs/security.md, tamper-evident audit); give every "
                        + "inbound topic the same partition count, at most the audit's", problem);
            }
        } catch (RuntimeException e) {
            log.warn("Audit chain: could not compare the inbound topics' partition counts with alerts.audit's: {}", e.toString());
        }
    }
}
