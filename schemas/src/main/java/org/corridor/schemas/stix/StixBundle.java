package org.corridor.schemas.stix;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A STIX {@code bundle} of objects, each (id, modified) once in the order first given; its id is derived from
 * them, so the same objects always make the same bundle. Pure.
 */
public final class StixBundle {

    private StixBundle() {
    }

    public static ObjectNode of(Collection<ObjectNode> objects) {
        Map<String, ObjectNode> unique = new LinkedHashMap<>();
        for (ObjectNode o : objects) {
            String key = o.get("id").asString() + "@" + (o.has("modified") ? o.get("modified").asString() : "");
            unique.putIfAbsent(key, o);
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("type", "bundle");
        b.put("id", StixIds.of("bundle", String.join(" ", unique.keySet())));
        ArrayNode list = b.putArray("objects");
        unique.values().forEach(list::add);
        return b;
    }
}
