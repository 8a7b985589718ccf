package org.corridor.schemas.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OASIS STIX 2.1 JSON schemas (a copy in the test resources, {@code stix2.1-json-schemas/}), their absolute
 * {@code $id}s mapped to it, so validation needs no network. For tests of every module that produces STIX.
 */
public final class StixSchemas {

    private static final String OASIS = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(OASIS, "classpath:stix2.1-json-schemas/schemas/")));
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("bundle", "common/bundle.json"),
            Map.entry("marking-definition", "common/marking-definition.json"),
            Map.entry("extension-definition", "common/extension-definition.json"),
            Map.entry("relationship", "sros/relationship.json"),
            Map.entry("sighting", "sros/sighting.json"));
    /** STIX 2.1 types that the OASIS bundle.json does not list among its objects. */
    private static final Set<String> UNLISTED = Set.of("location", "note", "opinion", "grouping", "incident",
            "extension-definition");
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private StixSchemas() {
    }

    /** The schema violations of one object (empty when valid), each as {@code type id: path message}. */
    public static List<String> violations(JsonNode object) {
        String type = object.path("type").asString();
        Schema schema = SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(SchemaLocation.of(OASIS + file(t))));
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            out.add(type + " " + object.path("id").asString() + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
        return out;
    }

    /**
     * The violations of a bundle and of every object in it, each against its own schema. The envelope is checked
     * against {@code bundle.json} with the objects of the types that schema does not list left out: it predates
     * them ({@code location}, {@code note}, {@code opinion}, {@code extension-definition}, ...) and sends them to its
     * branch for custom objects, where a full SDO matches both of a {@code oneOf} and so always fails.
     */
    public static List<String> bundleViolations(JsonNode bundle) {
        List<String> out = new ArrayList<>();
        ObjectNode envelope = (ObjectNode) bundle.deepCopy();
        ArrayNode listed = envelope.putArray("objects");
        for (JsonNode o : bundle.path("objects")) {
            out.addAll(violations(o));
            if (!UNLISTED.contains(o.path("type").asString())) {
                listed.add(o);
            }
        }
        out.addAll(violations(envelope));
        return out;
    }

    /** The schema file of a type: the SDO's, the SRO's, the common one, or the cyber-observable core for a custom SCO. */
    static String file(String type) {
        if (FILES.containsKey(type)) {
            return FILES.get(type);
        }
        if (type.equals(CorridorObjects.CONSIGNMENT)) {
            return "common/cyber-observable-core.json";
        }
        return "sdos/" + type + ".json";
    }
}
