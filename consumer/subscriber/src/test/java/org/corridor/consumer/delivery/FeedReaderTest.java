package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.Alerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import org.junit.jupiter.api.Test;

/**
 * A feed record that cannot be read is a poison pill, not a silent skip: it is on the dead-letter topic, with its
 * bytes, why and where from, before the listener moves past it; a dead letter the broker did not take stops the poll
 * (#18).
 */
class FeedReaderTest {

    private static final String FEED = "alerts.feed.unodc";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final FeedReader reader = reader(producer);

    private FeedReader reader(MockProducer<String, byte[]> p) {
        return new FeedReader(Serdes.reader(registry, TraffickingAlert.class), new DeadLetters(p));
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(FEED, 2, 17, 0L, TimestampType.CREATE_TIME,
                value == null ? 0 : value.length, 0, "key-1", value, new org.apache.kafka.common.header.internals.RecordHeaders(),
                Optional.empty());
        r.headers().add(new RecordHeader(Headers.TRACE_ID, "trace-9".getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aReadableRecordIsADeliveryAndNothingIsDeadLettered() {
        TraffickingAlert alert = Alerts.neutral().build();
        byte[] bytes = new AvroSerializer<TraffickingAlert>(registry, Map.of(), false).serialize(FEED, alert);
        assertThat(reader.read("UNODC", record(bytes))).hasValueSatisfying(d -> {
            assertThat(d.idempotencyKey()).as("the origin agency's alert id and version")
                    .isEqualTo("br-federal-police:" + alert.getAlertId() + ":" + alert.getVersion());
            assertThat(d.traceId()).isEqualTo("trace-9");
        });
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void bytesThatAreNotAnAlertGoToTheDeadLetterTopicWithReasonAndSource() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read("UNODC", record(garbage))).isEmpty();
        assertThat(producer.history()).extracting(r -> r.topic()).as("the dead letter and its header-only summary")
                .containsExactly(Topics.DEAD_LETTERS, Topics.DEAD_LETTER_SUMMARY);
        assertThat(producer.history().get(1).value()).as("the summary carries no alert content").isNull();
        assertThat(producer.history().get(0)).satisfies(r -> {
            assertThat(r.topic()).isEqualTo("alerts.dlq");
            assertThat(r.key()).isEqualTo("key-1");
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(header(r, Headers.DLQ_REASON_CODE)).isEqualTo("UNDECODABLE");
            assertThat(header(r, Headers.DLQ_REASON)).isNotBlank();
            assertThat(header(r, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(FEED);
            assertThat(header(r, Headers.DLQ_SOURCE_PARTITION)).isEqualTo("2");
            assertThat(header(r, Headers.DLQ_SOURCE_OFFSET)).isEqualTo("17");
            assertThat(header(r, Headers.TRACE_ID)).as("the record's own headers kept").isEqualTo("trace-9");
        });
    }

    @Test
    void aSchemaIdTheRegistryDoesNotKnowAndATombstoneAreDeadLetteredWithTheirCodes() {
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 4};
        assertThat(reader.read("UNODC", record(unknownId))).isEmpty();
        assertThat(reader.read("UNODC", record(null))).isEmpty();
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(Topics.DEAD_LETTERS))
                .extracting(r -> header(r, Headers.DLQ_REASON_CODE)).containsExactly("UNKNOWN_SCHEMA", "UNDECODABLE");
    }

    @Test
    void aDeadLetterTheBrokerRefusesIsThrownSoTheOffsetIsNotCommitted() {
        MockProducer<String, byte[]> refusing = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized void flush() {
                while (errorNext(new TopicAuthorizationException("not authorized to write alerts.dlq"))) {
                    // refuse every send under way
                }
            }
        };
        assertThatThrownBy(() -> reader(refusing).read("UNODC", record(new byte[] {9, 9})))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("alerts.feed.unodc-2@17").hasMessageContaining("alerts.dlq")
                .hasMessageContaining("not authorized");
    }
}
