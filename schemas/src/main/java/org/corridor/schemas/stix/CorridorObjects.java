package org.corridor.schemas.stix;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects every Corridor bundle refers to: Corridor's own identity and its extension definition (a
 * property-extension on reports, observed-data, notes, opinions and relationships, and the new SCO
 * {@code corridor-consignment}; specified in docs/stix.md). Pure.
 */
public final class CorridorObjects {

    /** The id of Corridor's extension definition (fixed once; never change it). */
    public static final String EXTENSION = "extension-definition--9d43c8cc-53fe-4dd6-8646-03de1eb17ed2";
    /** The custom cyber-observable type holding an alert's goods and their carriage. */
    public static final String CONSIGNMENT = "corridor-consignment";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CorridorObjects() {
    }

    public static String identityId() {
        return StixIds.of("identity", "corridor");
    }

    public static ObjectNode identity() {
        ObjectNode i = base("identity", identityId());
        i.put("name", "Corridor");
        i.put("description", "The cross-agency exchange of counter-narcotics trafficking alerts that produced this bundle.");
        i.put("identity_class", "system");
        return i;
    }

    public static ObjectNode extensionDefinition() {
        ObjectNode d = base("extension-definition", EXTENSION);
        d.put("created_by_ref", identityId());
        d.put("name", "Corridor trafficking alert");
        d.put("description", "Corridor's fields of a trafficking alert, its responses and correlation links that STIX "
                + "has no property for; the goods and their carriage as the cyber-observable corridor-consignment.");
        d.put("schema", "Corridor docs/stix.md, section 'The extension': every property, its type and meaning.");
        d.put("version", "1.0.0");
        d.putArray("extension_types").add("property-extension").add("new-sco");
        return d;
    }

    /** {@code {"extension_type": type}} under {@link #EXTENSION} in {@code object.extensions}, for the caller to fill. */
    static ObjectNode extension(ObjectNode object, String type) {
        ObjectNode e = object.putObject("extensions").putObject(EXTENSION);
        e.put("extension_type", type);
        return e;
    }

    static ObjectNode base(String type, String id) {
        ObjectNode o = NODES.objectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", StixTime.FIXED);
        o.put("modified", StixTime.FIXED);
        return o;
    }

    static ObjectNode versioned(String type, String id, Versioning v) {
        ObjectNode o = NODES.objectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", StixTime.of(v.created()));
        o.put("modified", StixTime.of(v.modified()));
        return o;
    }
}
