package org.corridor.consumer.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.stix.AlertStix;
import org.corridor.schemas.stix.HitStix;
import org.corridor.schemas.stix.ResponseStix;
import org.corridor.schemas.stix.Versioning;
import org.corridor.support.kafka.PartyTopicReader.Entry;
import tools.jackson.databind.node.ObjectNode;

/**
 * The STIX object versions of a collection from the records of its topic, in one order: by the record's timestamp
 * (the exchange's time, which is {@code date_added}), then partition and offset. Each (id, version) is served once,
 * from the first record that made it; an alert version delivered twice (a replay) counts once. An alert's report is
 * created at the first version's record and modified at each version's ({@link Versioning#ofVersion}). Pure.
 */
final class CollectionObjects {

    private static final Comparator<Entry<?>> LOG_ORDER = Comparator.<Entry<?>>comparingLong(Entry::timestamp)
            .thenComparingInt(Entry::partition).thenComparingLong(Entry::offset);

    private CollectionObjects() {
    }

    static List<Stored> alerts(List<Entry<TraffickingAlert>> entries) {
        List<Entry<TraffickingAlert>> sorted = sorted(entries);
        Map<String, Instant> created = new HashMap<>();
        Set<String> versions = new HashSet<>();
        Builder out = new Builder();
        for (Entry<TraffickingAlert> e : sorted) {
            TraffickingAlert a = e.value();
            String ref = a.getOriginAgency().getAgencyId() + "/" + a.getAlertId();
            if (!versions.add(ref + "#" + a.getVersion())) {
                continue;
            }
            Instant at = Instant.ofEpochMilli(e.timestamp());
            Instant first = created.computeIfAbsent(ref, r -> at);
            out.add(AlertStix.objects(a, Versioning.ofVersion(first, at, a.getVersion())), at);
        }
        return out.stored;
    }

    static List<Stored> responses(List<Entry<AlertResponse>> entries) {
        Builder out = new Builder();
        for (Entry<AlertResponse> e : sorted(entries)) {
            out.add(ResponseStix.objects(e.value()), Instant.ofEpochMilli(e.timestamp()));
        }
        return out.stored;
    }

    static List<Stored> links(List<Entry<CorrelationHit>> entries) {
        Map<String, Instant> created = new HashMap<>();
        Map<String, Integer> told = new HashMap<>();
        Builder out = new Builder();
        for (Entry<CorrelationHit> e : sorted(entries)) {
            Instant at = Instant.ofEpochMilli(e.timestamp());
            String pair = e.value().getPair();
            Instant first = created.computeIfAbsent(pair, p -> at);
            int n = told.merge(pair, 1, Integer::sum);
            out.add(List.of(HitStix.relationship(e.value(), Versioning.ofVersion(first, at, n))), at);
        }
        return out.stored;
    }

    private static <T> List<Entry<T>> sorted(List<Entry<T>> entries) {
        List<Entry<T>> s = new ArrayList<>(entries);
        s.sort(LOG_ORDER);
        return s;
    }

    private static final class Builder {
        private final List<Stored> stored = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void add(List<ObjectNode> objects, Instant at) {
            for (ObjectNode o : objects) {
                Stored s = Stored.of(o, at, stored.size());
                if (seen.add(s.id() + "@" + s.version())) {
                    stored.add(s);
                }
            }
        }
    }
}
