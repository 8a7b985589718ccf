package org.corridor.schemas.json;

import java.util.List;
import java.util.Map;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.validation.Violation;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON form of a response to an alert ({@link AlertResponse}), as {@link AlertJson} does for
 * alerts: Avro field names, instants as ISO-8601, enums by name, every type problem and unknown field reported with its
 * path. Absent optional settings take the schema's defaults, and these: priority ROUTINE, handlingCode H0, alertVersion 0
 * (not given: the exchange sets it). Required
 * fields that are absent stay null for the caller to fill (what the exchange sets: the responder, the alert) or for
 * {@link org.corridor.schemas.validation.ResponseValidator} to report. Thread-safe.
 */
public final class ResponseJson {

    /** alertVersion 0: not given, the exchange resolves it (the latest version the caller may respond to). */
    private static final Map<String, Object> DEFAULTS = Map.of("priority", "ROUTINE", "handling.handlingCode", "H0",
            "alertVersion", 0);

    private ResponseJson() {
    }

    /** A response read from JSON, possibly incomplete, and the problems found. */
    public record Read(AlertResponse response, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Parses text; malformed JSON, or anything but an object, is one violation on {@code body}. */
    public static Read read(String text) {
        JsonText.Parsed parsed = JsonText.object(text);
        if (parsed.problem() != null) {
            return new Read(null, List.of(parsed.problem()));
        }
        AvroJsonReader reader = new AvroJsonReader(DEFAULTS);
        AlertResponse response = (AlertResponse) reader.record(parsed.object(), AlertResponse.getClassSchema(), "");
        return new Read(response, List.copyOf(reader.violations()));
    }

    /** The response as a JSON object; absent optional values are left out. */
    public static ObjectNode write(AlertResponse r) {
        return AvroJsonWriter.record(r);
    }
}
