package org.corridor.schemas.json;

import java.math.BigDecimal;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes generated Avro records as JSON by walking their schema, in the form {@link AvroJsonReader} reads: the Avro
 * field names in schema order, enums by name, uuids, dates and instants as ISO-8601 text, decimals and doubles as
 * numbers; null values are left out, arrays always written. Stateless.
 */
final class AvroJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJsonWriter() {
    }

    static ObjectNode record(IndexedRecord record) {
        ObjectNode o = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value != null) {
                o.set(field.name(), value(value, field.schema()));
            }
        }
        return o;
    }

    private static JsonNode value(Object value, Schema schema) {
        switch (schema.getType()) {
            case UNION:
                return value(value, AvroJsonReader.nonNull(schema));
            case RECORD:
                return record((IndexedRecord) value);
            case ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    array.add(value(item, schema.getElementType()));
                }
                return array;
            case INT:
                return value instanceof Integer i ? NODES.numberNode(i) : NODES.stringNode(value.toString());
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case BYTES:
                return NODES.numberNode((BigDecimal) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            default:
                // enums, strings, uuids and instants: their text
                return NODES.stringNode(value.toString());
        }
    }
}
