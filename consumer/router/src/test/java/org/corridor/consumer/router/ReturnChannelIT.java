package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.audit.ChainVerifier;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.consumer.decision.ResponseTriage;
import org.corridor.schemas.SampleResponses;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The return channel through a real router on a real broker: responses from a recipient, from the originator, from a
 * body that never received the alert and from a body claiming to be another; who gets each in their inbox, the dead
 * letters with their bytes, and the audit decisions in the hash chain.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReturnChannelIT {

    @Test
    void responsesReachTheOriginatorAndTheSharedRecipientsOnlyAndTheOthersAreDeadLettered(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-return-channel-it")) {
            // Acetic anhydride stopped in Tajikistan, AMBER: INCB, PARIS_PACT, CARICC, CSTO, SCO, CIS, CICA.
            AlertTemplates.Template template = AlertTemplates.templates().get(2);
            TraffickingAlert alert = template.alert().build();
            String agency = alert.getOriginAgency().getAgencyId();
            String id = alert.getAlertId().toString();
            String key = ResponseTriage.key(agency, id);
            fixture.createTopic(Topics.agencyResponses(agency), 3);
            fixture.createTopic(Topics.agencyInbox(agency), 3);
            try (ConfigurableApplicationContext router = Routers.start(fixture, "return-channel-it", Map.of())) {
                fixture.publish(List.of(alert));
                fixture.awaitDecisions(Set.of(id), 1, Duration.ofSeconds(60));
                RoutingDecision routed = fixture.decodeDecision(fixture.records(Topics.AUDIT, Set.of(id)).get(0));
                assertThat(new TreeSet<>(routed.getRecipients().stream().map(Object::toString).toList()))
                        .isEqualTo(new TreeSet<>(template.expected()));

                Handling amber = new Handling(Tlp.AMBER, HandlingCode.H1, null, new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>(List.of("CSTO")), false);
                AlertResponse question = response(SampleResponses.cariccQuestion(), alert, "CARICC").setHandling(amber).build();
                AlertResponse outcome = response(SampleResponses.unodcSeizedOutcome(), alert, "INCB").setHandling(amber).build();
                AlertResponse answer = SampleResponses.agencyAnswer().setAlertAgency(agency).setAlertId(alert.getAlertId())
                        .setResponder(new Responder(ResponderKind.AGENCY, agency))
                        .setHandling(new Handling(Tlp.AMBER, HandlingCode.H1, null, new ArrayList<>(List.of("CARICC")),
                                new ArrayList<>(), new ArrayList<>(), false))
                        .build();
                AlertResponse stranger = response(SampleResponses.cariccQuestion(), alert, "EUROPOL")
                        .setResponseId(java.util.UUID.randomUUID()).build();
                AlertResponse spoof = response(SampleResponses.cariccQuestion(), alert, "CARICC")
                        .setResponseId(java.util.UUID.randomUUID()).build();
                AvroSerializer<AlertResponse> writer = Serdes.writer(fixture.client, AlertResponse.class);
                try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                    send(producer, writer, Topics.bodyResponses("CARICC"), key, question);
                    send(producer, writer, Topics.bodyResponses("INCB"), key, outcome);
                    send(producer, writer, Topics.agencyResponses(agency), key, answer);
                    send(producer, writer, Topics.bodyResponses("EUROPOL"), key, stranger);
                    // SCO writes a response that says it is CARICC's.
                    send(producer, writer, Topics.bodyResponses("SCO"), key, spoof);
                    producer.flush();
                }
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> fixture.records(Topics.AUDIT, Set.of(id)).size() >= 4
                                && fixture.records(Topics.DEAD_LETTERS, Set.of(key)).size() >= 2);

                AvroDeserializer<AlertResponse> reader = Serdes.reader(fixture.client, AlertResponse.class);
                assertThat(inbox(fixture, reader, Topics.agencyInbox(agency), key))
                        .as("the originator gets every response").containsExactlyInAnyOrder(
                                question.getResponseId(), outcome.getResponseId(), answer.getResponseId());
                assertThat(inbox(fixture, reader, Topics.bodyInbox("CARICC"), key))
                        .as("its question, the shared outcome, the answer addressed to it")
                        .containsExactlyInAnyOrder(question.getResponseId(), outcome.getResponseId(), answer.getResponseId());
                assertThat(inbox(fixture, reader, Topics.bodyInbox("PARIS_PACT"), key))
                        .as("a recipient of the version gets the shared outcome only").containsExactly(outcome.getResponseId());
                assertThat(inbox(fixture, reader, Topics.bodyInbox("CSTO"), key))
                        .as("the outcome is not releasable to CSTO, a recipient of the alert").isEmpty();
                assertThat(inbox(fixture, reader, Topics.bodyInbox("EUROPOL"), key)).as("never a recipient").isEmpty();
                assertThat(inbox(fixture, reader, Topics.bodyInbox("SCO"), key))
                        .as("the shared outcome; its spoof went nowhere").containsExactly(outcome.getResponseId());

                List<ConsumerRecord<String, byte[]>> dead = fixture.records(Topics.DEAD_LETTERS, Set.of(key));
                assertThat(dead).extracting(r -> ExchangeFixture.header(r, Headers.DLQ_REASON_CODE))
                        .containsExactlyInAnyOrder(DeadLetter.NOT_ENTITLED, DeadLetter.SPOOFED);
                assertThat(dead).allSatisfy(r -> assertThat(reader.deserialize(r.topic(), r.value())).isIn(stranger, spoof));

                List<RoutingDecision> decisions = fixture.records(Topics.AUDIT, Set.of(id)).stream()
                        .map(fixture::decodeDecision).filter(d -> d.getResponse() != null).toList();
                assertThat(decisions).extracting(d -> d.getResponse().getResponseId())
                        .containsExactlyInAnyOrder(question.getResponseId(), outcome.getResponseId(), answer.getResponseId());
                RoutingDecision shared = decisions.stream()
                        .filter(d -> d.getResponse().getResponseId().equals(outcome.getResponseId())).findFirst().orElseThrow();
                assertThat(shared.getRecipients()).map(Object::toString)
                        .containsExactlyInAnyOrder("PARIS_PACT", "CARICC", "SCO", "CIS", "CICA");
                assertThat(shared.getWithheld()).anySatisfy(w -> {
                    assertThat(w.getBody()).isEqualTo("CSTO");
                    assertThat(w.getReason().name()).isEqualTo("NOT_RELEASABLE");
                });
                assertThat(shared.getResponse().getResponderId()).isEqualTo("INCB");

                Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
                List<ChainVerifier.PartitionResult> chain = new ChainVerifier(client,
                        Serdes.reader(fixture.client, RoutingDecision.class), Duration.ofSeconds(30)).verify((r, of) -> { });
                assertThat(chain).allSatisfy(p -> assertThat(p.walk().broken()).as("partition %d", p.partition()).isNull());
                assertThat(chain.stream().mapToLong(p -> p.walk().checked()).sum()).isGreaterThanOrEqualTo(4);
            }
        }
    }

    private static AlertResponse.Builder response(AlertResponse.Builder sample, TraffickingAlert alert, String body) {
        return sample.setAlertAgency(alert.getOriginAgency().getAgencyId()).setAlertId(alert.getAlertId())
                .setResponder(new Responder(ResponderKind.BODY, body));
    }

    private static void send(KafkaProducer<String, byte[]> producer, AvroSerializer<AlertResponse> writer, String topic,
                             String key, AlertResponse response) {
        producer.send(new ProducerRecord<>(topic, key, writer.serialize(topic, response)));
    }

    private static List<java.util.UUID> inbox(ExchangeFixture fixture, AvroDeserializer<AlertResponse> reader, String topic,
                                              String key) {
        return fixture.records(topic, Set.of(key)).stream().map(r -> reader.deserialize(r.topic(), r.value()).getResponseId())
                .toList();
    }
}
