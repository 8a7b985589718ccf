package org.corridor.schemas.json;

import java.util.List;
import java.util.Map;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.validation.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON form of an alert, driven by its Avro schema: the Avro field names, dates as
 * {@code YYYY-MM-DD}, instants as ISO-8601, amounts as numbers or numeric strings, enums by name ({@code AMBER+STRICT}
 * is read as AMBER_STRICT). Absent optional settings take the schema's defaults, and these: priority ROUTINE,
 * handlingCode H0, version 1, lifecycle NEW. Reading reports every type problem and unknown field with its path;
 * required fields that are absent stay null for the caller to fill (server-managed fields) or for
 * {@link org.corridor.schemas.validation.AlertValidator} to report. Thread-safe.
 */
public final class AlertJson {


    /** Defaults of the JSON form for fields whose Avro schema has none (adding them there would be a new schema). */
    private static final Map<String, Object> DEFAULTS = Map.of("version", 1, "lifecycle", "NEW", "priority", "ROUTINE",
            "handling.handlingCode", "H0");

    private AlertJson() {
    }

    /** An alert read from JSON, possibly incomplete, and the problems found. */
    public record Read(TraffickingAlert alert, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Parses text; malformed JSON is one violation on {@code body}. */
    public static Read read(String text) {
        JsonText.Parsed parsed = JsonText.object(text);
        return parsed.problem() != null ? new Read(null, List.of(parsed.problem())) : read(parsed.object());
    }

    /** Reads a parsed tree; anything but an object is one violation on {@code body}. */
    public static Read read(JsonNode root) {
        JsonText.Parsed parsed = JsonText.object(root);
        if (parsed.problem() != null) {
            return new Read(null, List.of(parsed.problem()));
        }
        AvroJsonReader reader = new AvroJsonReader(DEFAULTS);
        TraffickingAlert alert = (TraffickingAlert) reader.record(root, TraffickingAlert.getClassSchema(), "");
        return new Read(alert, List.copyOf(reader.violations()));
    }

    /** The alert as a JSON object; absent optional values are left out. */
    public static ObjectNode write(TraffickingAlert a) {
        return AvroJsonWriter.record(a);
    }

    /** The alert as JSON text. */
    public static String toJson(TraffickingAlert a) {
        return write(a).toString();
    }
}
