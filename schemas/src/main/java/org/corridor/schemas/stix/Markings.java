package org.corridor.schemas.stix;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The marking-definitions of a {@link Handling}: the official TLP 2.0 one, and a {@code statement} marking each for
 * the Europol handling code (with the H3 restriction text), {@code addressedTo}, {@code releasableTo} and
 * {@code notReleasableTo} when set. A statement's id is derived from its text, so equal statements share one. Pure.
 */
public final class Markings {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<ObjectNode> definitions = new ArrayList<>();

    private Markings() {
    }

    public static Markings of(Handling h) {
        Markings m = new Markings();
        m.definitions.add(TlpMarkings.definition(h.getTlp()));
        String code = "Europol handling code " + h.getHandlingCode() + ": " + meaning(h.getHandlingCode());
        if (h.getHandlingCode() == HandlingCode.H3 && h.getHandlingRestriction() != null) {
            code += ": " + h.getHandlingRestriction();
        }
        m.statement(code);
        m.list("Addressed to", h.getAddressedTo());
        m.list("Releasable only to", h.getReleasableTo());
        m.list("Not releasable to", h.getNotReleasableTo());
        return m;
    }

    /** The marking-definition objects, the TLP one first. */
    public List<ObjectNode> definitions() {
        List<ObjectNode> copies = new ArrayList<>();
        definitions.forEach(d -> copies.add(d.deepCopy()));
        return copies;
    }

    /** Their ids, for {@code object_marking_refs}. */
    public List<String> refs() {
        return definitions.stream().map(d -> d.get("id").asString()).toList();
    }

    static String meaning(HandlingCode code) {
        return switch (code) {
            case H0 -> "use only to prevent and combat crime";
            case H1 -> "not for judicial proceedings without the provider's permission";
            case H2 -> "no dissemination without the provider's permission";
            case H3 -> "other restrictions";
        };
    }

    private void list(String label, List<String> bodies) {
        if (!bodies.isEmpty()) {
            statement("Corridor: " + label + " " + String.join(", ", bodies.stream().sorted().toList()));
        }
    }

    private void statement(String text) {
        ObjectNode d = NODES.objectNode();
        d.put("type", "marking-definition");
        d.put("spec_version", "2.1");
        d.put("id", StixIds.of("marking-definition", "statement/" + text));
        d.put("created", StixTime.FIXED);
        d.put("definition_type", "statement");
        d.putObject("definition").put("statement", text);
        definitions.add(d);
    }
}
