package org.corridor.schemas.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import org.corridor.schemas.avro.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The five official TLP 2.0 marking-definition objects, as OASIS publishes them (cti-stix-common-objects), bundled
 * as a resource: Corridor never mints its own ids for TLP. Thread-safe; each call returns a fresh copy.
 */
public final class TlpMarkings {

    private static final String RESOURCE = "tlp2.0-marking-definitions.json";
    private static final Map<Tlp, ObjectNode> BY_TLP = load();

    private TlpMarkings() {
    }

    /** The official marking-definition of a TLP level. */
    public static ObjectNode definition(Tlp tlp) {
        return BY_TLP.get(tlp).deepCopy();
    }

    /** Its id, {@code marking-definition--...}. */
    public static String id(Tlp tlp) {
        return BY_TLP.get(tlp).get("id").asString();
    }

    private static Map<Tlp, ObjectNode> load() {
        try (InputStream in = TlpMarkings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the schemas jar");
            }
            JsonNode all = JsonMapper.builder().build().readTree(in);
            Map<Tlp, ObjectNode> byTlp = new EnumMap<>(Tlp.class);
            for (JsonNode d : all) {
                String name = d.get("name").asString();
                Tlp tlp = Tlp.valueOf(name.substring("TLP:".length()).replace('+', '_'));
                byTlp.put(tlp, (ObjectNode) d);
            }
            if (byTlp.size() != Tlp.values().length) {
                throw new IllegalStateException(RESOURCE + " holds " + byTlp.keySet() + ", not every TLP level");
            }
            return byTlp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
