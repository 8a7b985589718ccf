package org.corridor.consumer.router;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.corridor.consumer.decision.History;
import org.corridor.consumer.decision.Released;
import org.corridor.consumer.policy.Markings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value of an {@code alerts.recipients} record: an alert id's {@link History} as JSON, format {@value #FORMAT}:
 * <pre>{"format":1,"owner":"kz-customs","version":2,
 *  "markings":{"tlp":"AMBER","handlingCode":"H0","handlingRestriction":null,"addressedTo":[],"releasableTo":null,
 *              "notReleasableTo":["CSTO"]},
 *  "recipients":["CARICC","INCB"],
 *  "versions":{"1":{"markings":{...},"recipients":["CARICC","INCB"]},"2":{"markings":{...},"recipients":["CARICC"]}}}</pre>
 * ({@code versions} is absent in values written before each version's markings and recipients were kept).
 * A value that does not start with {@code {} is the former format, the comma-separated recipients, read as a
 * {@link History#legacy legacy} history. Anything else that does not follow the format is refused with the reason
 * ({@link IllegalArgumentException}). Thread-safe. Public so that tools which write history without routing it
 * ({@code bench history}) write exactly the router's format.
 */
public final class HistoryCodec {

    public static final int FORMAT = 1;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final JsonMapper JSON = JsonMapper.shared();

    private HistoryCodec() {
    }

    public static byte[] encode(History h) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("owner", h.owner());
        root.put("version", h.version());
        if (h.markings() == null) {
            root.putNull("markings");
        } else {
            markings(root.putObject("markings"), h.markings());
        }
        array(root.putArray("recipients"), h.recipients());
        if (!h.versions().isEmpty()) {
            ObjectNode versions = root.putObject("versions");
            h.versions().forEach((v, released) -> {
                ObjectNode one = versions.putObject(Integer.toString(v));
                markings(one.putObject("markings"), released.markings());
                array(one.putArray("recipients"), released.recipients());
            });
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void markings(ObjectNode markings, Markings m) {
        markings.put("tlp", m.tlp().name());
        markings.put("handlingCode", m.handlingCode().name());
        markings.put("handlingRestriction", m.handlingRestriction());
        array(markings.putArray("addressedTo"), m.addressedTo());
        if (m.releasableTo() == null) {
            markings.putNull("releasableTo");
        } else {
            array(markings.putArray("releasableTo"), m.releasableTo());
        }
        array(markings.putArray("notReleasableTo"), m.notReleasableTo());
    }

    /** @return the history, or null for an empty value (a tombstone) */
    public static History decode(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return History.legacy(text.isEmpty() ? List.of() : Arrays.asList(text.split(",")));
        }
        JsonNode root = JSON.readTree(text);
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalArgumentException("format: " + root.path("format") + " is not a known format (" + FORMAT + ")");
        }
        JsonNode owner = root.path("owner");
        if (!owner.isNull() && !(owner.isString() && SLUG.matcher(owner.asString()).matches())) {
            throw new IllegalArgumentException("owner: " + owner + " is not an agency id (lowercase letters, digits, hyphens)");
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.asInt() < 0) {
            throw new IllegalArgumentException("version: " + version + " is not an integer of at least 0");
        }
        JsonNode m = root.path("markings");
        Markings markings = m.isNull() || m.isMissingNode() ? null : markings(m, "markings.");
        SortedMap<Integer, Released> versions = new TreeMap<>();
        JsonNode routed = root.path("versions");
        if (!routed.isMissingNode()) {
            if (!routed.isObject()) {
                throw new IllegalArgumentException("versions: " + routed + " is not an object of versions");
            }
            for (Map.Entry<String, JsonNode> one : routed.properties()) {
                int v;
                try {
                    v = Integer.parseInt(one.getKey());
                } catch (NumberFormatException e) {
                    v = 0;
                }
                if (v < 1) {
                    throw new IllegalArgumentException("versions: \"" + one.getKey() + "\" is not a version of at least 1");
                }
                String path = "versions." + v + ".";
                JsonNode vm = one.getValue().path("markings");
                if (!vm.isObject()) {
                    throw new IllegalArgumentException(path + "markings: " + vm + " is not an object");
                }
                versions.put(v, new Released(markings(vm, path + "markings."), set(one.getValue(), "recipients", path)));
            }
        }
        return new History(owner.isNull() ? null : owner.asString(), version.asInt(), markings, set(root, "recipients", ""),
                versions);
    }

    private static Markings markings(JsonNode m, String path) {
        return new Markings(enumOf(Tlp.class, m, "tlp", path), enumOf(HandlingCode.class, m, "handlingCode", path),
                m.path("handlingRestriction").isString() ? m.path("handlingRestriction").asString() : null,
                set(m, "addressedTo", path), m.path("releasableTo").isNull() ? null : set(m, "releasableTo", path),
                set(m, "notReleasableTo", path));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode parent, String field, String path) {
        String name = parent.path(field).asString("");
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + field + ": \"" + name + "\" is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static SortedSet<String> set(JsonNode parent, String field, String path) {
        JsonNode array = parent.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException(path + field + ": " + array + " is not an array of body ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : array) {
            if (!id.isString()) {
                throw new IllegalArgumentException(path + field + ": " + id + " is not a body id");
            }
            ids.add(id.asString());
        }
        return new TreeSet<>(ids);
    }

    private static void array(ArrayNode array, SortedSet<String> ids) {
        ids.forEach(array::add);
    }
}
