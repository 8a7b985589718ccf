package org.corridor.consumer.feedview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.support.kafka.PartyTopicReader.Entry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The latest version of each alert of a feed (an alert is its origin agency's id: two agencies' alerts with one id
 * are two alerts), the most recently received first, each as the alert's JSON with {@code receivedAt} (when its latest
 * version reached the feed) and {@code versions} (how many the body received). A version delivered twice, by a
 * replay, counts once; and {@code acknowledgedVersion}, the highest version the body acknowledged (0: none). Pure.
 */
final class FeedView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Latest(TraffickingAlert alert, long timestamp, int versions) {
    }

    private FeedView() {
    }

    static ArrayNode latest(List<Entry<TraffickingAlert>> entries, int limit) {
        return latest(entries, limit, (agency, id) -> 0);
    }

    /** As {@link #latest(List, int)}, each with {@code acknowledgedVersion}: the highest the body acknowledged (0: none). */
    static ArrayNode latest(List<Entry<TraffickingAlert>> entries, int limit,
                            java.util.function.ToIntBiFunction<String, java.util.UUID> acknowledged) {
        Map<String, Latest> byAlert = new LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> seen = new java.util.HashMap<>();
        for (Entry<TraffickingAlert> e : entries) {
            TraffickingAlert a = e.value();
            String key = a.getOriginAgency().getAgencyId() + "/" + a.getAlertId();
            boolean fresh = seen.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(a.getVersion());
            Latest held = byAlert.get(key);
            int versions = (held == null ? 0 : held.versions()) + (fresh ? 1 : 0);
            if (held == null || a.getVersion() > held.alert().getVersion()) {
                byAlert.put(key, new Latest(a, e.timestamp(), versions));
            } else {
                byAlert.put(key, new Latest(held.alert(), held.timestamp(), versions));
            }
        }
        List<Latest> sorted = new ArrayList<>(byAlert.values());
        sorted.sort(Comparator.comparingLong(Latest::timestamp).reversed()
                .thenComparing(l -> l.alert().getAlertId().toString()));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Latest l : sorted.subList(0, Math.min(limit, sorted.size()))) {
            ObjectNode o = (ObjectNode) JSON.readTree(AlertJson.toJson(l.alert()));
            o.put("receivedAt", Instant.ofEpochMilli(l.timestamp()).toString());
            o.put("versions", l.versions());
            o.put("acknowledgedVersion", acknowledged.applyAsInt(l.alert().getOriginAgency().getAgencyId(), l.alert().getAlertId()));
            out.add(o);
        }
        return out;
    }

    static JsonNode page(ArrayNode alerts, int undecodable) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.set("alerts", alerts);
        if (undecodable > 0) {
            page.put("undecodable", undecodable);
        }
        return page;
    }
}
