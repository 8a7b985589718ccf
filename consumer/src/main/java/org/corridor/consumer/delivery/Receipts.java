package org.corridor.consumer.delivery;

import java.time.Clock;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.serde.AvroSerializer;
import org.corridor.schemas.topics.Topics;

/** Writes delivery receipts to {@code alerts.receipts} (key: alert id), with an idempotent acks=all producer. */
public final class Receipts {

    private final Producer<String, byte[]> producer;
    private final AvroSerializer<DeliveryReceipt> serializer;
    private final Clock clock;

    public Receipts(Producer<String, byte[]> producer, AvroSerializer<DeliveryReceipt> serializer, Clock clock) {
        this.producer = producer;
        this.serializer = serializer;
        this.clock = clock;
    }

    public void send(String body, TraffickingAlert alert, DeliveryStatus status, int attempt, String detail) {
        DeliveryReceipt receipt = new DeliveryReceipt(body, alert.getAlertId(), alert.getVersion(), status, clock.instant(),
                attempt, detail);
        producer.send(new ProducerRecord<>(Topics.RECEIPTS, alert.getAlertId().toString(), serializer.serialize(Topics.RECEIPTS, receipt)));
    }

    public void flush() {
        producer.flush();
    }
}
