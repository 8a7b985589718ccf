package org.corridor.support.thread;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.json.ResponseJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The answer to a read of a thread: the given fields, then {@code responses} in routing order (and what did not decode). */
public final class ThreadJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ThreadJson() {
    }

    /** @param fields names and values, in pairs, in the order they are written */
    public static ObjectNode of(InboxReader.Read thread, String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in pairs of name and value, not " + fields.length);
        }
        ObjectNode answer = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            answer.put(fields[i], fields[i + 1]);
        }
        ArrayNode list = answer.putArray("responses");
        for (AlertResponse r : thread.responses()) {
            list.add(ResponseJson.write(r));
        }
        if (thread.undecodable() > 0) {
            answer.put("undecodable", thread.undecodable());
        }
        return answer;
    }

    /** The answer to a posted response the broker took: its id, the alert version, where it was written. */
    public static ObjectNode accepted(AlertResponse r, RecordMetadata at) {
        return JSON.createObjectNode().put("responseId", r.getResponseId().toString()).put("alertAgency", r.getAlertAgency())
                .put("alertId", r.getAlertId().toString()).put("alertVersion", r.getAlertVersion()).put("topic", at.topic())
                .put("partition", at.partition()).put("offset", at.offset());
    }
}
