package org.corridor.registry.core;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the log records, shaped like Confluent's own {@code _schemas} topic (keytype SCHEMA, CONFIG, MODE),
 * plus ID_WATERMARK, which keeps ids growing after permanent deletes are compacted away. Keys are built with a fixed
 * field order, so the same logical key is always the same bytes and compaction keeps only its last value.
 */
final class LogFormat {

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";
    static final String MODE = "MODE";
    static final String ID_WATERMARK = "ID_WATERMARK";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private LogFormat() {
    }

    static String schemaKey(String subject, int version) {
        return JSON.createObjectNode().put("keytype", SCHEMA).put("subject", subject).put("version", version)
                .put("magic", 1).toString();
    }

    static String schemaValue(StoredVersion v) {
        return JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema()).put("deleted", v.deleted()).toString();
    }

    /** Key of the global setting when subject is null, else of the subject's. */
    static String configKey(String subject) {
        return scoped(CONFIG, subject);
    }

    static String configValue(String level) {
        return JSON.createObjectNode().put("compatibilityLevel", level).toString();
    }

    static String modeKey(String subject) {
        return scoped(MODE, subject);
    }

    static String modeValue(String mode) {
        return JSON.createObjectNode().put("mode", mode).toString();
    }

    static String watermarkKey() {
        return JSON.createObjectNode().put("keytype", ID_WATERMARK).put("magic", 0).toString();
    }

    static String watermarkValue(int maxId) {
        return JSON.createObjectNode().put("maxId", maxId).toString();
    }

    private static String scoped(String type, String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", type);
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return key.put("magic", 0).toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("log record is not JSON: " + json, e);
        }
    }
}
