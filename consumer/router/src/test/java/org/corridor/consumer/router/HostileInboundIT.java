package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.HostileBytes;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 600 generated hostile records (random bytes, flipped bits, truncations, lying length prefixes) interleaved with
 * 600 good alerts on an inbound topic: routing never stalls, every good alert is routed, and every hostile record is
 * accounted for exactly once: routed (a mutation that is still a valid alert of that agency with its key) or
 * dead-lettered with a reason code, a reason, its source offset and its original bytes.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HostileInboundIT {

    private static final String AGENCY = "hostile-it";
    private static final String TOPIC = Topics.inbound(AGENCY);

    @Test
    void everyHostileRecordIsRoutedOrDeadLetteredWithItsReason(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-hostile-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "hostile-it", Map.of())) {
            kafka.createTopic(TOPIC, 3);
            AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
            List<byte[]> hostile = HostileBytes.generate(42, 600, a -> serializer.serialize(TOPIC, ofAgency(a)));
            Set<String> goodIds = new HashSet<>();
            Map<String, byte[]> hostileByKey = new HashMap<>();
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                TraffickingAlert good = ofAgency(SampleAlerts.random(10_000 + i));
                good.setAlertId(java.util.UUID.nameUUIDFromBytes(("good-" + i).getBytes()));
                goodIds.add(good.getAlertId().toString());
                records.add(new ProducerRecord<>(TOPIC, good.getAlertId().toString(), serializer.serialize(TOPIC, good)));
                String key = java.util.UUID.nameUUIDFromBytes(("hostile-" + i).getBytes()).toString();
                hostileByKey.put(key, hostile.get(i));
                records.add(new ProducerRecord<>(TOPIC, key, hostile.get(i)));
            }
            try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                records.forEach(producer::send);
                producer.flush();
            }
            fixture.awaitDecisions(goodIds, goodIds.size(), Duration.ofSeconds(120));
            // Hostile records become decisions (still valid and keyed right) or dead letters: wait for all 600.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    fixture.records(Topics.AUDIT, hostileByKey.keySet()).size() + fixture.records(Topics.DEAD_LETTERS, hostileByKey.keySet()).size()
                            >= hostileByKey.size());

            List<ConsumerRecord<String, byte[]>> decisions = fixture.records(Topics.AUDIT, hostileByKey.keySet());
            List<ConsumerRecord<String, byte[]>> dead = fixture.records(Topics.DEAD_LETTERS, hostileByKey.keySet());
            Set<String> accounted = new HashSet<>();
            decisions.forEach(r -> assertThat(accounted.add(r.key())).as("routed once: " + r.key()).isTrue());
            for (ConsumerRecord<String, byte[]> d : dead) {
                assertThat(accounted.add(d.key())).as("accounted once: " + d.key()).isTrue();
                assertThat(ExchangeFixture.header(d, Headers.DLQ_REASON_CODE)).isNotBlank();
                assertThat(ExchangeFixture.header(d, Headers.DLQ_REASON)).isNotBlank();
                assertThat(ExchangeFixture.header(d, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(TOPIC);
                assertThat(ExchangeFixture.header(d, Headers.DLQ_SOURCE_OFFSET)).isNotBlank();
                assertThat(d.value()).isEqualTo(hostileByKey.get(d.key()));
            }
            assertThat(accounted).isEqualTo(hostileByKey.keySet());
            assertThat(dead.size()).as("most hostile records are not alerts").isGreaterThan(400);
            assertThat(fixture.records(Topics.AUDIT, goodIds)).hasSize(goodIds.size());

            // The correlator's input: one routed version per decision, under its ref, the alert's agency the topic's;
            // none for a dead letter.
            Map<String, String> refs = new HashMap<>();
            accounted.stream().filter(k -> dead.stream().noneMatch(d -> d.key().equals(k))).forEach(k -> refs.put(AGENCY + "/" + k, k));
            goodIds.forEach(id -> refs.put(AGENCY + "/" + id, id));
            List<ConsumerRecord<String, byte[]>> routed = fixture.select(Topics.ROUTED_VERSIONS, r -> r.key() != null
                    && r.key().startsWith(AGENCY + "/"));
            assertThat(routed).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(refs.keySet());
            AvroDeserializer<RoutedVersion> reader = new AvroDeserializer<>(fixture.client);
            reader.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            for (ConsumerRecord<String, byte[]> r : routed) {
                RoutedVersion v = reader.deserialize(r.topic(), r.value());
                assertThat(v.getAlert().getOriginAgency().getAgencyId()).isEqualTo(AGENCY);
                assertThat(v.getAlert().getAlertId().toString()).isEqualTo(refs.get(r.key()));
                assertThat(v.getDecision().getAlertId().toString()).isEqualTo(refs.get(r.key()));
                assertThat(v.getDecision().getAlertVersion()).isEqualTo(v.getAlert().getVersion());
            }
        }
    }

    private static TraffickingAlert ofAgency(TraffickingAlert a) {
        a.setOriginAgency(new Agency(AGENCY, "TJ", "Hostile IT"));
        return a;
    }
}
