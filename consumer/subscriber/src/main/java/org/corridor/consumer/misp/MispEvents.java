package org.corridor.consumer.misp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.stix.StixIds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MISP event of one alert as a body holds it (docs/misp.md), in MISP's core format: the uuid of the alert's STIX
 * report (the same for every version), {@code info} its summary, {@code date} when it occurred, {@code Orgc} the
 * originating agency, the TLP 2.0 tag and Corridor's tags, and the attributes of the latest version. Attributes of
 * earlier versions that the latest no longer holds are listed with {@code deleted: true}, and a retraction deletes
 * them all, so a MISP instance that pulled an earlier version drops what the originator corrected or withdrew.
 * {@code timestamp} is the version's time on the feed in seconds, strictly increasing over versions, which is how
 * MISP tells a newer version. Distribution 0 (the pulling organisation only): the body may not pass it on. Pure.
 */
final class MispEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MispEvents() {
    }

    /** One version as the feed delivered it: the alert and its record's timestamp (ms). */
    record Version(TraffickingAlert alert, long addedAtMillis) {
    }

    /** The event file's content, {@code {"Event": {...}}}, of an alert's versions in version order (at least one). */
    static ObjectNode event(List<Version> versions) {
        TraffickingAlert latest = versions.get(versions.size() - 1).alert();
        long[] stamps = timestamps(versions);
        long now = stamps[stamps.length - 1];
        ObjectNode e = NODES.objectNode();
        e.put("uuid", uuid(latest));
        e.put("info", latest.getSummary());
        e.put("date", latest.getOccurredOn().toString());
        e.put("threat_level_id", threatLevel(latest));
        e.put("analysis", latest.getLifecycle() == Lifecycle.NEW ? "1" : "2");
        e.put("distribution", "0");
        e.put("published", true);
        e.put("timestamp", String.valueOf(now));
        e.put("publish_timestamp", String.valueOf(now));
        ObjectNode orgc = e.putObject("Orgc");
        orgc.put("name", latest.getOriginAgency().getName());
        orgc.put("uuid", StixIds.uuid("agency/" + latest.getOriginAgency().getAgencyId()).toString());
        tags(e.putArray("Tag"), latest);
        attributes(e.putArray("Attribute"), versions, stamps);
        ObjectNode file = NODES.objectNode();
        file.set("Event", e);
        return file;
    }

    /** The event's entry in {@code manifest.json}, keyed there by its uuid. */
    static ObjectNode manifestEntry(ObjectNode file) {
        ObjectNode e = (ObjectNode) file.get("Event");
        ObjectNode m = NODES.objectNode();
        m.set("Orgc", e.get("Orgc"));
        m.set("Tag", e.get("Tag"));
        for (String f : List.of("info", "date", "analysis", "threat_level_id", "timestamp")) {
            m.set(f, e.get(f));
        }
        return m;
    }

    /** The lines of {@code hashes.csv} for the event: MD5 of each attribute's value that is not deleted, and the uuid. */
    static List<String> hashes(ObjectNode file) {
        ObjectNode e = (ObjectNode) file.get("Event");
        List<String> lines = new ArrayList<>();
        for (var a : e.get("Attribute")) {
            if (!a.path("deleted").asBoolean(false)) {
                lines.add(md5(a.get("value").asString()) + "," + e.get("uuid").asString());
            }
        }
        return lines;
    }

    /** The event's uuid: the uuid part of the alert's STIX report id, so MISP and TAXII name the alert alike. */
    static String uuid(TraffickingAlert a) {
        return StixIds.report(a.getOriginAgency().getAgencyId(), a.getAlertId()).substring("report--".length());
    }

    static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** MISP's threat level: 1 high (URGENT), 2 medium (PRIORITY), 3 low (ROUTINE). */
    private static String threatLevel(TraffickingAlert a) {
        return switch (a.getPriority()) {
            case URGENT -> "1";
            case PRIORITY -> "2";
            case ROUTINE -> "3";
        };
    }

    /** Seconds on the feed per version, each at least one more than the one before. */
    private static long[] timestamps(List<Version> versions) {
        long[] t = new long[versions.size()];
        for (int i = 0; i < t.length; i++) {
            long s = versions.get(i).addedAtMillis() / 1000;
            t[i] = i == 0 ? s : Math.max(s, t[i - 1] + 1);
        }
        return t;
    }

    private static void tags(ArrayNode tags, TraffickingAlert a) {
        Handling h = a.getHandling();
        tags.addObject().put("name", tlpTag(h)).put("colour", tlpColour(h));
        tags.addObject().put("name", "corridor:handling-code=\"" + h.getHandlingCode() + "\"").put("colour", "#004080");
        tags.addObject().put("name", "corridor:kind=\"" + a.getKind() + "\"").put("colour", "#004080");
        tags.addObject().put("name", "corridor:lifecycle=\"" + a.getLifecycle() + "\"").put("colour", "#004080");
        a.getSubstances().stream().map(s -> s.getCategory().name()).distinct()
                .forEach(c -> tags.addObject().put("name", "corridor:substance-category=\"" + c + "\"").put("colour", "#004080"));
    }

    /** The MISP tlp taxonomy's tag of the TLP 2.0 colour. */
    static String tlpTag(Handling h) {
        return switch (h.getTlp()) {
            case CLEAR -> "tlp:clear";
            case GREEN -> "tlp:green";
            case AMBER -> "tlp:amber";
            case AMBER_STRICT -> "tlp:amber+strict";
            case RED -> "tlp:red";
        };
    }

    private static String tlpColour(Handling h) {
        return switch (h.getTlp()) {
            case CLEAR -> "#FFFFFF";
            case GREEN -> "#33FF00";
            case AMBER, AMBER_STRICT -> "#FFC000";
            case RED -> "#FF2B2B";
        };
    }

    private static void attributes(ArrayNode out, List<Version> versions, long[] stamps) {
        // Every fact any version held, with the version's time it first appeared and whether the latest still holds it.
        Map<String, MispAttribute> facts = new LinkedHashMap<>();
        Map<String, Long> since = new LinkedHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            for (MispAttribute a : MispAttributes.of(versions.get(i).alert())) {
                facts.putIfAbsent(a.key(), a);
                since.putIfAbsent(a.key(), stamps[i]);
            }
        }
        TraffickingAlert latest = versions.get(versions.size() - 1).alert();
        long now = stamps[stamps.length - 1];
        boolean retracted = latest.getLifecycle() == Lifecycle.RETRACTION;
        List<String> held = retracted ? List.of() : MispAttributes.of(latest).stream().map(MispAttribute::key).toList();
        String ref = latest.getOriginAgency().getAgencyId() + "/" + latest.getAlertId();
        for (var f : facts.entrySet()) {
            boolean live = held.contains(f.getKey());
            add(out, ref, f.getValue(), live ? since.get(f.getKey()) : now, !live);
        }
        if (retracted) {
            add(out, ref, MispAttribute.text("Other", "retracted: " + latest.getRetractionReason(), "retractionReason"), now, false);
        }
    }

    private static void add(ArrayNode out, String ref, MispAttribute a, long timestamp, boolean deleted) {
        ObjectNode o = out.addObject();
        o.put("uuid", StixIds.uuid("misp/" + ref + "/" + a.key()).toString());
        o.put("category", a.category());
        o.put("type", a.type());
        o.put("value", a.value());
        o.put("comment", a.comment());
        o.put("to_ids", false);
        o.put("distribution", "5");
        o.put("timestamp", String.valueOf(timestamp));
        o.put("deleted", deleted);
    }
}
