package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 50 poison pills among 1,000 good alerts: every good alert is routed, every pill is a dead letter with its original
 * bytes, its source and a reason, and routing never stalls.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PoisonPillIT {

    private static final String AGENCY = "me-police";
    private static final String TOPIC = Topics.inbound(AGENCY);

    private static double spoofedCount(String metrics) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("corridor_router_dead_letters_total\\{reason=\"SPOOFED\"} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String metrics(ConfigurableApplicationContext router) throws Exception {
        return Routers.prometheus(router);
    }

    @Test
    void poisonPillsAreDeadLetteredAndRoutingContinues(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-poison-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "poison-it", Map.of())) {
            double spoofedBefore = spoofedCount(metrics(router));
            kafka.createTopic(TOPIC, 3);
            AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
            AvroSerializer<RoutingDecision> decisions = new AvroSerializer<>(fixture.client, Map.of(), false);
            Random random = new Random(42);
            Set<String> good = new HashSet<>();
            Map<String, String> pillCodes = new HashMap<>();
            Map<String, byte[]> pillBytes = new HashMap<>();
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 1_050; i++) {
                if (i % 21 == 20) {
                    String key = "pill-" + i;
                    int kind = pillCodes.size() % 6;
                    byte[] bytes = switch (kind) {
                        case 0 -> randomBytes(random, 1 + random.nextInt(200));
                        case 1 -> withMagic((byte) 7, serializer.serialize(TOPIC, alert(AGENCY)));
                        case 2 -> ByteBuffer.allocate(40).put((byte) 0).putInt(999_999).array();
                        case 3 -> serializer.serialize(TOPIC, TraffickingAlert.newBuilder(alert(AGENCY)).setSummary(" ").build());
                        case 4 -> serializer.serialize(TOPIC, alert("xk-spoofer"));
                        // Another registered Corridor schema's id on an inbound topic: once a ClassCastException that
                        // rolled every batch back for ever.
                        default -> decisions.serialize(Topics.AUDIT, decision());
                    };
                    if (kind == 3 || kind == 4) {
                        key = new String(keyOf(fixture, bytes), StandardCharsets.UTF_8);
                    }
                    pillCodes.put(key, switch (kind) {
                        case 0, 1 -> DeadLetter.UNDECODABLE;
                        case 2 -> DeadLetter.UNKNOWN_SCHEMA;
                        case 3 -> DeadLetter.INVALID;
                        case 4 -> DeadLetter.SPOOFED;
                        default -> DeadLetter.WRONG_TYPE;
                    });
                    pillBytes.put(key, bytes);
                    records.add(new ProducerRecord<>(TOPIC, key, bytes));
                } else {
                    TraffickingAlert a = alert(AGENCY);
                    good.add(a.getAlertId().toString());
                    records.add(new ProducerRecord<>(TOPIC, a.getAlertId().toString(), serializer.serialize(TOPIC, a)));
                }
            }
            try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                records.forEach(producer::send);
                producer.flush();
            }
            assertThat(good).hasSize(1_000);
            assertThat(pillCodes).hasSize(50);
            fixture.awaitDecisions(good, 1_000, Duration.ofSeconds(120));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> fixture.records(Topics.DEAD_LETTERS, pillCodes.keySet()).size() >= 50);

            assertThat(fixture.records(Topics.AUDIT, good)).hasSize(1_000);
            assertThat(fixture.records(Topics.feed("UNODC"), good)).hasSize(1_000);
            List<ConsumerRecord<String, byte[]>> dead = fixture.records(Topics.DEAD_LETTERS, pillCodes.keySet());
            assertThat(dead).hasSize(50);
            for (ConsumerRecord<String, byte[]> d : dead) {
                assertThat(ExchangeFixture.header(d, Headers.DLQ_REASON_CODE)).as(d.key()).isEqualTo(pillCodes.get(d.key()));
                assertThat(ExchangeFixture.header(d, Headers.DLQ_REASON)).isNotBlank();
                assertThat(ExchangeFixture.header(d, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(TOPIC);
                assertThat(ExchangeFixture.header(d, Headers.DLQ_SOURCE_OFFSET)).matches("[0-9]+");
                assertThat(d.value()).isEqualTo(pillBytes.get(d.key()));
            }
            assertThat(dead.stream().filter(d -> DeadLetter.SPOOFED.equals(ExchangeFixture.header(d, Headers.DLQ_REASON_CODE))))
                    .allSatisfy(d -> assertThat(ExchangeFixture.header(d, Headers.DLQ_REASON))
                            .isEqualTo("originAgency.agencyId \"xk-spoofer\" does not match the topic's agency \"me-police\""));
            assertThat(fixture.records(Topics.AUDIT, pillCodes.keySet())).isEmpty();

            String metrics = metrics(router);
            // At least this test's own: the router subscribes to every inbound topic of the shared test broker, so it
            // also dead-letters what earlier tests left on theirs (HostileInboundIT's spoofed records, say). The exact
            // per-record accounting is the dead-letter assertions above.
            long spoofed = pillCodes.values().stream().filter(DeadLetter.SPOOFED::equals).count();
            assertThat(spoofed).isGreaterThanOrEqualTo(8);
            assertThat(pillCodes.values()).filteredOn(DeadLetter.WRONG_TYPE::equals).hasSizeGreaterThanOrEqualTo(8);
            assertThat(spoofedCount(metrics) - spoofedBefore).isGreaterThanOrEqualTo(spoofed);
            assertThat(metrics)
                    .contains("corridor_router_routed_total{body=\"UNODC\"}")
                    .contains("corridor_router_latency_seconds")
                    .contains("corridor_router_transactions_total{outcome=\"commit\"}");
        }
    }

    private static TraffickingAlert alert(String agency) {
        return Alerts.neutral().setOriginAgency(new Agency(agency, "ME", agency))
                .setKind(org.corridor.schemas.avro.AlertKind.SEIZURE)
                .setSubstances(new ArrayList<>(List.of(Alerts.substance("cocaine", org.corridor.schemas.avro.SubstanceCategory.COCAINE,
                        null, "3", org.corridor.schemas.avro.QuantityUnit.KG))))
                .setRoute(Alerts.route("ME", null, List.of(), null)).setAlertId(UUID.randomUUID()).build();
    }

    private static byte[] keyOf(ExchangeFixture fixture, byte[] bytes) {
        return fixture.decodeAlert(new ConsumerRecord<>(TOPIC, 0, 0, "", bytes)).getAlertId().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withMagic(byte magic, byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[0] = magic;
        return copy;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        b[0] = (byte) (1 + random.nextInt(255));
        return b;
    }

    private static RoutingDecision decision() {
        return new RoutingDecision(UUID.randomUUID(), 1, AGENCY, new ArrayList<>(List.of("UNODC")), new ArrayList<>(),
                new ArrayList<>(), java.time.Instant.parse("2026-11-01T00:00:00Z"), "router-x", null, null, null, null);
    }
}
