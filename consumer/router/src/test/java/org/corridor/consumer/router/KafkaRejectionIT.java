package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka itself refuses one alert's routing: its feed record is larger than the feed topic takes. The transaction of
 * its batch fails; the router retries it a bounded number of times, halves the batch until that alert is alone,
 * dead-letters it (KAFKA_REJECTED, with its bytes and source) and routes every other alert exactly once. Before, the
 * batch was rolled back and redelivered for ever and no alert of any agency was routed again.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaRejectionIT {

    private static final String AGENCY = "me-police";
    private static final String TOPIC = Topics.inbound(AGENCY);
    private static final String FEED = Topics.feed("SELEC");
    private static final int MAX_RETRIES = 2;

    @Test
    void theRefusedAlertIsIsolatedAndDeadLetteredAndTheRestRouted(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-rejection-it");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            kafka.createTopic(TOPIC, 1);
            kafka.createTopic(FEED, 1);
            limitFeed(admin, "20000");
            try (ConfigurableApplicationContext router = Routers.start(fixture, "rejection-it",
                    Map.of("corridor.router.max-retries", Integer.toString(MAX_RETRIES)))) {
                List<TraffickingAlert> alerts = new ArrayList<>();
                Set<String> good = new HashSet<>();
                for (int i = 0; i < 61; i++) {
                    TraffickingAlert a = alert(i == 30 ? "x".repeat(30_000) : null);
                    alerts.add(a);
                    if (i != 30) {
                        good.add(a.getAlertId().toString());
                    }
                }
                String big = alerts.get(30).getAlertId().toString();
                fixture.publish(alerts);

                fixture.awaitDecisions(good, good.size(), Duration.ofSeconds(120));
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                        .until(() -> !fixture.records(Topics.DEAD_LETTERS, Set.of(big)).isEmpty());

                assertThat(fixture.records(FEED, good)).hasSize(good.size())
                        .extracting(ConsumerRecord::key).doesNotHaveDuplicates();
                assertThat(fixture.records(FEED, Set.of(big))).isEmpty();
                assertThat(fixture.records(Topics.AUDIT, Set.of(big))).isEmpty();
                List<ConsumerRecord<String, byte[]>> dead = fixture.records(Topics.DEAD_LETTERS, Set.of(big));
                assertThat(dead).hasSize(1);
                assertThat(ExchangeFixture.header(dead.get(0), Headers.DLQ_REASON_CODE)).isEqualTo(DeadLetter.KAFKA_REJECTED);
                assertThat(ExchangeFixture.header(dead.get(0), Headers.DLQ_REASON)).contains("RecordTooLargeException");
                assertThat(ExchangeFixture.header(dead.get(0), Headers.DLQ_SOURCE_TOPIC)).isEqualTo(TOPIC);
                assertThat(fixture.decodeAlert(dead.get(0)).getAlertId().toString()).isEqualTo(big);

                String metrics = metrics(router);
                double retries = counter(metrics, "corridor_router_batch_retries_total\\{kind=\"REJECTED\"}");
                double splits = counter(metrics, "corridor_router_batch_splits_total");
                assertThat(splits).isGreaterThanOrEqualTo(1);
                // Each failing part is retried at most MAX_RETRIES times, and there is one failing part per halving.
                assertThat(retries).isGreaterThanOrEqualTo(MAX_RETRIES).isLessThanOrEqualTo(MAX_RETRIES * (splits + 1));
                assertThat(counter(metrics, "corridor_router_dead_letters_total\\{reason=\"KAFKA_REJECTED\"}")).isEqualTo(1);
            } finally {
                limitFeed(admin, Integer.toString(Topics.DOWNSTREAM_MAX_BYTES));
            }
        }
    }

    private static void limitFeed(Admin admin, String bytes) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, FEED), List.of(
                new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET)))).all().get();
    }

    private static TraffickingAlert alert(String details) {
        return Alerts.neutral().setOriginAgency(new Agency(AGENCY, "ME", AGENCY))
                .setKind(org.corridor.schemas.avro.AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(Alerts.substance("heroin", SubstanceCategory.OPIATE, null, "3", QuantityUnit.KG))))
                .setRoute(Alerts.route("ME", null, List.of(), null)).setDetails(details).setAlertId(UUID.randomUUID()).build();
    }

    private static String metrics(ConfigurableApplicationContext router) throws Exception {
        return Routers.prometheus(router);
    }

    private static double counter(String metrics, String series) {
        Matcher m = Pattern.compile(series + " ([0-9.]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
