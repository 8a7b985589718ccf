package org.corridor.schemas.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.schemas.validation.Violation;

/** Typed reads of JSON fields that record a violation with the field's path instead of failing. */
final class JsonFields {

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    void add(String path, String message) {
        violations.add(new Violation(path, message));
    }

    /** Reports every field of the object not in the allowed set. */
    void onlyKnown(JsonNode object, String path, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                add(join(path, name), "unknown field");
            }
        }
    }

    /** The object at the field, or null (absent, null, or reported as not an object). */
    JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            add(path, "must be an object");
            return null;
        }
        return node;
    }

    String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            add(path, "must be a string");
            return null;
        }
        return node.asText();
    }

    <E extends Enum<E>> E enumValue(JsonNode parent, String field, String path, Class<E> type) {
        String text = text(parent, field, path);
        if (text == null) {
            return null;
        }
        String name = text.replace('+', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        add(path, "\"" + text + "\" is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    LocalDate date(JsonNode parent, String field, String path) {
        return parsed(parent, field, path, "a date (YYYY-MM-DD)", (text, p) -> LocalDate.parse(text));
    }

    Instant instant(JsonNode parent, String field, String path) {
        return parsed(parent, field, path, "an ISO-8601 instant such as 2026-11-20T14:03:00Z", (text, p) -> Instant.parse(text));
    }

    UUID uuid(JsonNode parent, String field, String path) {
        return parsed(parent, field, path, "a UUID", (text, p) -> uuidOf(text));
    }

    UUID uuidAt(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            add(path, "must be a string");
            return null;
        }
        try {
            return uuidOf(node.asText());
        } catch (IllegalArgumentException e) {
            add(path, "\"" + node.asText() + "\" is not a UUID");
            return null;
        }
    }

    private static UUID uuidOf(String text) {
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException(text);
        }
        return UUID.fromString(text);
    }

    private <T> T parsed(JsonNode parent, String field, String path, String what, BiFunction<String, String, T> parser) {
        String text = text(parent, field, path);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text, path);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            add(path, "\"" + text + "\" is not " + what);
            return null;
        }
    }

    /**
     * A decimal amount; values with at most {@code AMOUNT_SCALE} decimals are given exactly that scale, as the Avro
     * decimal stores them, so an alert read from JSON equals the same alert read from Kafka.
     */
    BigDecimal decimal(JsonNode parent, String field, String path) {
        BigDecimal value = rawDecimal(parent, field, path);
        if (value != null && value.stripTrailingZeros().scale() <= AMOUNT_SCALE) {
            return value.setScale(AMOUNT_SCALE, java.math.RoundingMode.UNNECESSARY);
        }
        return value;
    }

    static final int AMOUNT_SCALE = 3;

    private BigDecimal rawDecimal(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                add(path, "\"" + node.asText() + "\" is not a number");
                return null;
            }
        }
        add(path, "must be a number");
        return null;
    }

    Double number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            add(path, "must be a number");
            return null;
        }
        return node.doubleValue();
    }

    Integer integer(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            add(path, "must be a whole number");
            return null;
        }
        return node.intValue();
    }

    /** The array at the field (empty when absent), or null when it is not an array. */
    JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            add(path, "must be an array");
            return null;
        }
        return node;
    }

    List<String> strings(JsonNode parent, String field, String path) {
        JsonNode array = array(parent, field, path);
        List<String> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual()) {
                values.add(item.asText());
            } else {
                add(path + "[" + i + "]", "must be a string");
            }
        }
        return values;
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
