package org.corridor.consumer.router;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.corridor.consumer.decision.History;
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
 *  "recipients":["CARICC","INCB"]}</pre>
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
            Markings m = h.markings();
            ObjectNode markings = root.putObject("markings");
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
        array(root.putArray("recipients"), h.recipients());
        return JSON.writeValueAsBytes(root);
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
        Markings markings = m.isNull() || m.isMissingNode() ? null : new Markings(
                enumOf(Tlp.class, m, "tlp"), enumOf(HandlingCode.class, m, "handlingCode"),
                m.path("handlingRestriction").isString() ? m.path("handlingRestriction").asString() : null,
                set(m, "addressedTo"), m.path("releasableTo").isNull() ? null : set(m, "releasableTo"),
                set(m, "notReleasableTo"));
        return new History(owner.isNull() ? null : owner.asString(), version.asInt(), markings, set(root, "recipients"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode parent, String field) {
        String name = parent.path(field).asString("");
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("markings." + field + ": \"" + name + "\" is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static SortedSet<String> set(JsonNode parent, String field) {
        JsonNode array = parent.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException(field + ": " + array + " is not an array of body ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : array) {
            if (!id.isString()) {
                throw new IllegalArgumentException(field + ": " + id + " is not a body id");
            }
            ids.add(id.asString());
        }
        return new TreeSet<>(ids);
    }

    private static void array(ArrayNode array, SortedSet<String> ids) {
        ids.forEach(array::add);
    }
}
