package org.corridor.consumer.misp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.kafka.PartyTopicReader.Entry;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A body's MISP feed from the records of its feed topic: one event per alert (the versions it received, in version
 * order; a version delivered twice, by a replay, counts once, from its first record), the manifest of them all, and
 * {@code hashes.csv}. Events are listed in the order their alerts first reached the feed. Pure.
 */
final class MispFeed {

    private static final Comparator<Entry<?>> LOG_ORDER = Comparator.<Entry<?>>comparingLong(Entry::timestamp)
            .thenComparingInt(Entry::partition).thenComparingLong(Entry::offset);

    private final Map<String, ObjectNode> events;

    private MispFeed(Map<String, ObjectNode> events) {
        this.events = events;
    }

    static MispFeed of(List<Entry<TraffickingAlert>> entries) {
        List<Entry<TraffickingAlert>> sorted = new ArrayList<>(entries);
        sorted.sort(LOG_ORDER);
        Map<String, TreeMap<Integer, MispEvents.Version>> byAlert = new LinkedHashMap<>();
        for (Entry<TraffickingAlert> e : sorted) {
            TraffickingAlert a = e.value();
            byAlert.computeIfAbsent(MispEvents.uuid(a), u -> new TreeMap<>())
                    .putIfAbsent(a.getVersion(), new MispEvents.Version(a, e.timestamp()));
        }
        Map<String, ObjectNode> events = new LinkedHashMap<>();
        byAlert.forEach((uuid, versions) -> events.put(uuid, MispEvents.event(new ArrayList<>(versions.values()))));
        return new MispFeed(events);
    }

    /** {@code manifest.json}: each event's uuid with its summary entry. */
    ObjectNode manifest() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        events.forEach((uuid, file) -> m.set(uuid, MispEvents.manifestEntry(file)));
        return m;
    }

    /** {@code hashes.csv}: one {@code md5,event-uuid} line per attribute value held. */
    String hashes() {
        StringBuilder csv = new StringBuilder();
        events.values().forEach(file -> MispEvents.hashes(file).forEach(line -> csv.append(line).append('\n')));
        return csv.toString();
    }

    /** The event file of that uuid, or null when the body's feed holds no such alert. */
    ObjectNode event(String uuid) {
        return events.get(uuid);
    }
}
