package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.consumer.Alerts.neutral;
import static org.corridor.consumer.Alerts.route;
import static org.corridor.consumer.Alerts.substance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.router.AlertTemplates.Template;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 5,000 alerts from 5 agencies, built from 10 templates whose recipients were worked out by hand from the domain
 * table and the memberships: each feed holds exactly its alerts, once, read_committed; the audit holds 5,000
 * decisions.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RoutingIT {

    @Test
    void fiveThousandAlertsReachExactlyTheirBodiesOnce(TestKafka kafka) {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-routing-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "routing-it", Map.of())) {
            List<Template> templates = AlertTemplates.templates();
            List<TraffickingAlert> alerts = new ArrayList<>();
            Map<String, Set<String>> expectedByBody = new HashMap<>();
            for (int i = 0; i < 5_000; i++) {
                Template t = templates.get(i % templates.size());
                TraffickingAlert a = TraffickingAlert.newBuilder(t.alert().build()).setAlertId(UUID.randomUUID()).build();
                alerts.add(a);
                t.expected().forEach(b -> expectedByBody.computeIfAbsent(b, x -> new HashSet<>()).add(a.getAlertId().toString()));
            }
            Set<String> ids = new HashSet<>();
            alerts.forEach(a -> ids.add(a.getAlertId().toString()));
            fixture.publish(alerts);
            fixture.awaitDecisions(ids, 5_000, Duration.ofSeconds(240));

            List<ConsumerRecord<String, byte[]>> audit = fixture.records(Topics.AUDIT, ids);
            assertThat(audit).hasSize(5_000);
            Map<String, RoutingDecision> decisions = new HashMap<>();
            audit.forEach(r -> decisions.put(r.key(), fixture.decodeDecision(r)));
            assertThat(decisions).hasSize(5_000);

            for (String body : ReferenceData.defaults().bodyIds()) {
                List<ConsumerRecord<String, byte[]>> feed = fixture.records(Topics.feed(body), ids);
                List<String> keys = feed.stream().map(ConsumerRecord::key).toList();
                assertThat(new HashSet<>(keys)).as("feed of %s", body).hasSize(keys.size())
                        .isEqualTo(expectedByBody.getOrDefault(body, Set.of()));
            }
            for (int i = 0; i < templates.size(); i++) {
                RoutingDecision d = decisions.get(alerts.get(i).getAlertId().toString());
                assertThat(new TreeSet<>(d.getRecipients())).as(templates.get(i).name()).isEqualTo(new TreeSet<>(templates.get(i).expected()));
                assertThat(d.getWithheld().size() + d.getRecipients().size()).isEqualTo(13);
                assertThat(d.getRouterInstance()).isEqualTo("routing-it");
            }
            ConsumerRecord<String, byte[]> feedRecord = fixture.records(Topics.feed("PARIS_PACT"), ids).get(0);
            assertThat(ExchangeFixture.header(feedRecord, Headers.MATCHED_RULES)).isNotBlank();
            assertThat(ExchangeFixture.header(feedRecord, Headers.TLP)).isIn("GREEN", "AMBER");
            assertThat(fixture.decodeAlert(feedRecord).getAlertId().toString()).isEqualTo(feedRecord.key());
        }
    }
}
