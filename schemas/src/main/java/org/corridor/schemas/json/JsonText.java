package org.corridor.schemas.json;

import org.corridor.schemas.validation.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A request body parsed as a JSON object, or the one violation on {@code body} that says why not. Thread-safe. */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The object, or else the problem. */
    record Parsed(JsonNode object, Violation problem) {
    }

    private JsonText() {
    }

    static Parsed object(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new Parsed(null, new Violation("body", "malformed JSON" + where));
        }
        return object(root);
    }

    static Parsed object(JsonNode root) {
        return root == null || !root.isObject() ? new Parsed(null, new Violation("body", "must be a JSON object"))
                : new Parsed(root, null);
    }
}
