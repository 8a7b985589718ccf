package org.corridor.consumer.router;

import java.util.Map;

import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.serde.AvroDeserializer;
import org.corridor.schemas.serde.AvroSerdeConfig;
import org.corridor.schemas.serde.AvroSerializer;
import org.corridor.schemas.topics.Topics;

/** Reads inbound alerts and writes audit decisions in the Confluent wire format, sharing one registry client. */
public final class AlertCodec {

    private final AvroDeserializer<TraffickingAlert> alerts;
    private final AvroSerializer<RoutingDecision> decisions;

    public AlertCodec(SchemaRegistryClient registry) {
        this.alerts = new AvroDeserializer<>(registry);
        this.alerts.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        this.decisions = new AvroSerializer<>(registry, Map.of(), false);
    }

    /** @throws org.apache.kafka.common.errors.SerializationException (or a subtype) for bytes that are not an alert */
    public TraffickingAlert decode(String topic, byte[] bytes) {
        return alerts.deserialize(topic, bytes);
    }

    public byte[] encodeDecision(RoutingDecision decision) {
        return decisions.serialize(Topics.AUDIT, decision);
    }
}
