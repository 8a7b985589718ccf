package org.corridor.schemas.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.corridor.schemas.validation.EnumText;
import org.corridor.schemas.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON tree into the generated Avro classes by walking the Avro schema: field names, types, logical types
 * (uuid, date, timestamp-millis, decimal) and defaults all come from the schema, so a new field needs no code here.
 * Every type problem and unknown field is recorded as a {@link Violation} with its path instead of failing; what
 * could not be read stays null (or 0 for a number the generated class cannot hold as null) for the validator to
 * report. Not thread-safe: one reader per document.
 */
final class AvroJsonReader {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final SpecificData data = SpecificData.get();
    private final Map<String, Object> defaults;
    private final List<Violation> violations = new ArrayList<>();

    /** @param defaults values, by field path, for absent fields whose schema declares no default */
    AvroJsonReader(Map<String, Object> defaults) {
        this.defaults = defaults;
    }

    List<Violation> violations() {
        return violations;
    }

    /** Reads a record of the schema from an object node. */
    IndexedRecord record(JsonNode node, Schema schema, String path) {
        IndexedRecord record = (IndexedRecord) data.newRecord(null, schema);
        for (String name : node.propertyNames()) {
            if (schema.getField(name) == null) {
                add(join(path, name), "unknown field");
            }
        }
        for (Schema.Field field : schema.getFields()) {
            String at = join(path, field.name());
            JsonNode value = node.get(field.name());
            Object read = value == null || value.isNull() ? absent(field, at) : value(value, field.schema(), at);
            if (read == null && isNumber(field.schema())) {
                read = defaults.containsKey(at) ? defaults.get(at) : 0;  // the generated class holds a primitive
            } else if (read == null && field.schema().getType() == Schema.Type.BOOLEAN) {
                read = Boolean.FALSE;  // a primitive too; the error, if any, is already reported
            }
            record.put(field.pos(), read);
        }
        return record;
    }

    private Object absent(Schema.Field field, String path) {
        if (defaults.containsKey(path)) {
            Object d = defaults.get(path);
            return field.schema().getType() == Schema.Type.ENUM ? data.createEnum((String) d, field.schema()) : d;
        }
        if (field.hasDefaultValue()) {
            return data.deepCopy(field.schema(), data.getDefaultValue(field));
        }
        if (isNumber(field.schema())) {
            add(path, "must be present");
        }
        return null;
    }

    private Object value(JsonNode node, Schema schema, String path) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case UNION:
                return value(node, nonNull(schema), path);
            case RECORD:
                if (!node.isObject()) {
                    return fail(path, "must be an object");
                }
                return record(node, schema, path);
            case ARRAY:
                return array(node, schema.getElementType(), path);
            case ENUM:
                String symbol = text(node, path);
                if (symbol == null) {
                    return null;
                }
                return EnumText.symbol(schema.getEnumSymbols(), symbol, EnumText.Spelling.MARKING)
                        .map(s -> (Object) data.createEnum(s, schema))
                        .orElseGet(() -> fail(path, EnumText.notOneOf(symbol, schema.getEnumSymbols())));
            case STRING:
                return logical instanceof LogicalTypes.Uuid ? uuid(node, path) : text(node, path);
            case INT:
                return logical instanceof LogicalTypes.Date ? parsed(node, path, "a date (YYYY-MM-DD)", LocalDate::parse) : integer(node, path);
            case LONG:
                // timestamp-millis: the generated setter would truncate to millis, put() does not.
                return parsed(node, path, "an ISO-8601 instant such as 2026-11-20T14:03:00Z",
                        text -> Instant.parse(text).truncatedTo(ChronoUnit.MILLIS));
            case DOUBLE:
                // Through BigDecimal: a number beyond double's range reads as infinity for the validator to refuse.
                return node.isNumber() ? node.decimalValue().doubleValue() : fail(path, "must be a number");
            case BYTES:
                return decimal(node, (LogicalTypes.Decimal) logical, path);
            case BOOLEAN:
                return node.isBoolean() ? (Object) node.booleanValue() : fail(path, "must be true or false");
            default:
                throw new IllegalStateException(path + ": no JSON form for Avro type " + schema.getType());
        }
    }

    private List<Object> array(JsonNode node, Schema items, String path) {
        if (!node.isArray()) {
            fail(path, "must be an array");
            return new ArrayList<>();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Object item = value(node.get(i), items, path + "[" + i + "]");
            if (item != null) {
                values.add(item);
            }
        }
        return values;
    }

    private String text(JsonNode node, String path) {
        return node.isString() ? node.stringValue() : fail(path, "must be a string");
    }

    private UUID uuid(JsonNode node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        return UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : fail(path, "\"" + text + "\" is not a UUID");
    }

    private Integer integer(JsonNode node, String path) {
        return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : fail(path, "must be a whole number");
    }

    private <T> T parsed(JsonNode node, String path, String what, java.util.function.Function<String, T> parser) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            return fail(path, "\"" + text + "\" is not " + what);
        }
    }

    /**
     * A number or numeric text. Values with at most the schema's scale of decimals are given exactly that scale, as
     * the Avro decimal stores them, so an alert read from JSON equals the same alert read from Kafka.
     */
    private BigDecimal decimal(JsonNode node, LogicalTypes.Decimal type, String path) {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString()) {
            try {
                value = new BigDecimal(node.stringValue().trim());
            } catch (NumberFormatException e) {
                return fail(path, "\"" + node.stringValue() + "\" is not a number");
            }
        } else {
            return fail(path, "must be a number");
        }
        return value.stripTrailingZeros().scale() <= type.getScale() ? value.setScale(type.getScale(), RoundingMode.UNNECESSARY) : value;
    }

    static Schema nonNull(Schema union) {
        return union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }

    /** A number without a logical type: the generated class holds it as a primitive, which cannot be null. */
    private static boolean isNumber(Schema schema) {
        return schema.getLogicalType() == null && switch (schema.getType()) {
            case INT, LONG, DOUBLE, FLOAT -> true;
            default -> false;
        };
    }

    private <T> T fail(String path, String message) {
        add(path, message);
        return null;
    }

    private void add(String path, String message) {
        violations.add(new Violation(path, message));
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
