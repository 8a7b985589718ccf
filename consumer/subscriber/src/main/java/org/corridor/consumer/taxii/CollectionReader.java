package org.corridor.consumer.taxii;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.kafka.PartyTopicReader;
import org.corridor.support.kafka.PartyTopicReader.Snapshot;
import org.corridor.support.serde.Serdes;

/**
 * Reads a collection's topic as the body (its own principal's settings) to a snapshot and maps it to STIX object
 * versions. Thread-safe: one consumer per read.
 */
final class CollectionReader {

    /**
     * The object versions of a collection, the end offsets of the snapshot they came from, and how many of its
     * records could not be decoded (a feed's are dead-lettered by its listener already; here they are counted).
     */
    record Read(List<Stored> objects, Map<Integer, Long> end, int undecodable) {
    }

    private final SchemaRegistryClient registry;
    private final Duration timeout;

    CollectionReader(SchemaRegistryClient registry, Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
    }

    /**
     * @param upTo the end offsets a page token pinned, or null for the topic's committed end
     * @throws IllegalArgumentException when {@code upTo} is not within the topic
     */
    Read read(Map<String, Object> bodySettings, String body, Collection c, Map<Integer, Long> upTo) {
        String topic = c.topic(body);
        return switch (c) {
            case ALERTS -> {
                Snapshot<TraffickingAlert> s = new PartyTopicReader<>(bodySettings, Serdes.reader(registry, TraffickingAlert.class),
                        timeout).snapshot(topic, upTo);
                yield new Read(CollectionObjects.alerts(s.entries()), s.end(), s.undecodable());
            }
            case RESPONSES -> {
                Snapshot<AlertResponse> s = new PartyTopicReader<>(bodySettings, Serdes.reader(registry, AlertResponse.class),
                        timeout).snapshot(topic, upTo);
                yield new Read(CollectionObjects.responses(s.entries()), s.end(), s.undecodable());
            }
            case LINKS -> {
                Snapshot<CorrelationHit> s = new PartyTopicReader<>(bodySettings, Serdes.reader(registry, CorrelationHit.class),
                        timeout).snapshot(topic, upTo);
                yield new Read(CollectionObjects.links(s.entries()), s.end(), s.undecodable());
            }
        };
    }
}
