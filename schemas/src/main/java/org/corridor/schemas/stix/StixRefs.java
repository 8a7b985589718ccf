package org.corridor.schemas.stix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * References between the objects of one envelope: {@code *_ref} and {@code *_refs} properties (at any depth) and the
 * ids of extension definitions an object uses. Pure.
 */
final class StixRefs {

    private StixRefs() {
    }

    /** The places in {@code objects} of the object at {@code start} and every object it refers to, directly or not. */
    static Set<Integer> closure(ArrayNode objects, Map<String, Integer> byId, int start) {
        Set<Integer> seen = new TreeSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            int i = todo.pop();
            if (seen.add(i)) {
                for (String id : ids(objects.get(i))) {
                    Integer j = byId.get(id);
                    if (j != null && !seen.contains(j)) {
                        todo.push(j);
                    }
                }
            }
        }
        return seen;
    }

    /** The places of the objects of that type that {@code from}'s {@code object_refs} names, in its order. */
    static List<Integer> referred(ArrayNode objects, Map<String, Integer> byId, JsonNode from, String type) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode ref : from.path("object_refs")) {
            Integer j = byId.get(ref.asString(""));
            if (j != null && objects.get(j).get("type").asString().equals(type) && !out.contains(j)) {
                out.add(j);
            }
        }
        return out;
    }

    /** The place of the first object of that type {@code from} names in {@code object_refs}, or -1. */
    static int first(ArrayNode objects, Map<String, Integer> byId, JsonNode from, String type) {
        List<Integer> found = referred(objects, byId, from, type);
        return found.isEmpty() ? -1 : found.get(0);
    }

    private static List<String> ids(JsonNode o) {
        List<String> out = new ArrayList<>();
        collect(o, out);
        o.path("extensions").propertyNames().forEach(out::add);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (var p : node.properties()) {
                if (p.getKey().endsWith("_ref") && p.getValue().isString()) {
                    out.add(p.getValue().asString());
                } else if (p.getKey().endsWith("_refs") && p.getValue().isArray()) {
                    p.getValue().forEach(x -> out.add(x.asString("")));
                } else {
                    collect(p.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(x -> collect(x, out));
        }
    }
}
